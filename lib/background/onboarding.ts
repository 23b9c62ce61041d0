import type { Browser, Runtime } from 'webextension-polyfill';
import { providerSettingsItem } from '../storage.ts';

/**
 * A new install without a provider opens the settings: nothing works before a key is set up.
 * (Firefox tests also rely on it: automation may not navigate to a moz-extension:// page.)
 * Chromium reports every --load-extension launch as an install, so a profile that already has
 * a provider is left alone.
 */
export function openSettingsOnInstall(browser: Browser) {
  browser.runtime.onInstalled.addListener((details: Runtime.OnInstalledDetailsType) => {
    if (details.reason !== 'install') return;
    void providerSettingsItem.getValue().then((settings) => {
      if (settings.length === 0) void browser.runtime.openOptionsPage();
    });
  });
}
