import { defineConfig } from 'wxt';

// A test build (`npm run build:test`) may reach the local demo hosts and sandbox without a
// user gesture; the production manifest never grants all sites (see README, Permissions).
const testBuild = process.env.WXT_TEST_BUILD === '1';
// The test build differs from the store build only by its test hooks (import.meta.env.MODE is
// 'test') and the loopback hosts. React and its JSX transform run as in production (Vite reads
// NODE_ENV after this file; WXT would set it to the mode), so the e2e suite and the bench
// exercise what users get, not React's development build.
if (testBuild) process.env.NODE_ENV = 'production';
const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*', 'http://*.localhost/*'];
const ALL_SITES = new Set(['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*']);
// Provider origins besides CODASMS, asked for one at a time when the user saves that provider
// in the options (lib/providers/sms-activate/hosts.ts, lib/providers/fivesim/client.ts).
const PROVIDER_HOSTS = [
  'https://5sim.net/*',
  'https://hero-sms.com/*',
  'https://api.grizzlysms.com/*',
  'https://smshub.org/*',
  'https://daisysms.com/*',
  'https://smsbower.online/*',
  'https://api.sms-activate.ae/*',
];
// Any other SMS-Activate-compatible host the user types in, and a signup site the popup asks
// for when an order's page changed out of reach (components/popup/SiteAccess.tsx): optional,
// so nothing is granted at install; the browser asks for that one origin or site when needed.
const CUSTOM_PROVIDER_HOSTS = ['https://*/*'];
const OPTIONAL_HOSTS = [...PROVIDER_HOSTS, ...CUSTOM_PROVIDER_HOSTS];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  outDir: '.output',
  outDirTemplate: testBuild ? '{{browser}}-mv{{manifestVersion}}-test' : undefined,
  webExt: { disabled: true },
  // The sources archive AMO reviewers rebuild from: the extension's code and build config,
  // not the sandbox, tests or local tooling.
  zip: {
    includeSources: ['README.md', '.prettierrc.json', '.prettierignore'],
    excludeSources: [
      'tests/**',
      'sandbox/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/*.fixture.ts',
      'playwright.config.ts',
      'vitest.config.ts',
      '.ci/**',
      'test-results/**',
    ],
  },
  vite: () =>
    testBuild ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {},
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus: "Fill … here" on editable fields (Firefox knows it as an alias of menus).
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'notifications', 'contextMenus'],
    // Both changeable by the user (chrome://extensions/shortcuts, about:addons).
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
      },
      'fill-here': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_manual_commandFillHere__',
      },
    },
    host_permissions: ['https://api.codasms.com/*', ...(testBuild ? TEST_HOSTS : [])],
    optional_host_permissions: testBuild ? OPTIONAL_HOSTS : [...OPTIONAL_HOSTS, ...TEST_HOSTS],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sms-verify@codasms.dev',
              strict_min_version: '115.0',
              // Nothing leaves the browser except calls to the provider the user set up.
              data_collection_permissions: { required: ['none'] },
            },
          },
          // MV2 has no optional_host_permissions: origins go in optional_permissions.
          optional_permissions: testBuild ? OPTIONAL_HOSTS : [...OPTIONAL_HOSTS, ...TEST_HOSTS],
        }
      : {}),
  }),
  hooks: {
    // The fill script is injected on demand (activeTab + scripting) or registered at run time
    // for an open order's site (lib/background/registration.ts), so WXT must not turn its match
    // patterns into install-time access to every site.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.host_permissions = manifest.host_permissions?.filter(
        (p: string) => !ALL_SITES.has(p),
      );
      if (manifest.content_scripts?.length === 0) delete manifest.content_scripts;
    },
  },
});
