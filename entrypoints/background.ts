import browser from 'webextension-polyfill';
import { startBackground } from '@/lib/background/index.ts';
import { openSettingsOnInstall } from '@/lib/background/onboarding.ts';

export default defineBackground(() => {
  startBackground({ browser });
  openSettingsOnInstall(browser);
});
