import { defineConfig } from '@playwright/test';

// `npm run screenshots`: the main popup states, driven like the e2e suite (real built extension,
// sandbox, demo site), saved into assets/screenshots/ for the README.
export default defineConfig({
  testDir: '.',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
});
