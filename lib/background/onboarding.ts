import type { Browser, Runtime } from 'webextension-polyfill';

/**
 * A new install opens the settings: nothing works before a provider key is set up. (Firefox
 * tests also rely on it: automation may not navigate to a moz-extension:// page itself.)
 */
export function openSettingsOnInstall(browser: Browser) {
  browser.runtime.onInstalled.addListener((details: Runtime.OnInstalledDetailsType) => {
    if (details.reason === 'install') void browser.runtime.openOptionsPage();
  });
}
