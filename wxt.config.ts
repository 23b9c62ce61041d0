import { defineConfig } from 'wxt';

// A test build (`npm run build:test`) may reach the local demo hosts and sandbox without a
// user gesture; the production manifest never grants all sites (see README, Permissions).
const testBuild = process.env.WXT_TEST_BUILD === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  outDir: '.output',
  outDirTemplate: testBuild ? '{{browser}}-mv{{manifestVersion}}-test' : undefined,
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'SMS Verify',
    description:
      'Get a phone number for a site’s SMS verification, fill it and the code, and pay only when a code arrives.',
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'notifications'],
    host_permissions: [
      'https://api.codasms.com/*',
      ...(testBuild ? ['http://127.0.0.1/*', 'http://localhost/*', 'http://*.localhost/*'] : []),
    ],
    optional_host_permissions: testBuild ? [] : ['http://127.0.0.1/*', 'http://localhost/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'sms-verify@codasms.dev', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
