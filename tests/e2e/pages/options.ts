import type { Preferences } from '../../../lib/storage.ts';
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';

/** The options' own preferences (defaults, auto-fill, site services, language), as a user sees them. */
export class PreferencesPage {
  readonly defaultCountry: Locator;
  readonly maxPrice: Locator;
  readonly fillPhone: Locator;
  readonly fillCode: Locator;
  readonly language: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    // A <select> inside its <label>: the label's text includes the options, so go by role.
    this.defaultCountry = page.getByRole('combobox', { name: 'Default country', exact: true });
    this.maxPrice = page.getByRole('textbox', { name: /^Max price per number/ });
    this.fillPhone = page.getByRole('switch', { name: 'Fill in the phone number' });
    this.fillCode = page.getByRole('switch', { name: 'Fill in the code' });
    this.language = page.getByRole('combobox', { name: /^(Interface language|Язык интерфейса)$/ });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  static async open(context: BrowserContext, extensionId: string): Promise<PreferencesPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const prefs = new PreferencesPage(page);
    await prefs.heading.waitFor();
    return prefs;
  }

  tier(name: 'Standard' | 'Priority'): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  /** "When no SMS comes": Ask me, Swap automatically, Wait for the window. */
  noSms(name: 'Ask me' | 'Swap automatically' | 'Wait for the window'): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  /** Types a price cap and presses Enter. */
  async setMaxPrice(text: string) {
    await this.maxPrice.fill(text);
    await this.maxPrice.press('Enter');
  }

  siteRow(domain: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: domain });
  }
}

/** What the extension stored as preferences (to know a change is saved before a reload). */
export async function storedPreferences(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(async () => {
    const got = await chrome.storage.local.get('preferences');
    const value: unknown = got['preferences'];
    return typeof value === 'object' && value !== null ? { ...value } : {};
  });
}

/** Changes preferences the way the options page saves them (pages follow within a second). */
export async function setPreferences(worker: Worker, patch: Partial<Preferences>): Promise<void> {
  await worker.evaluate(async (p) => {
    const { preferences } = await chrome.storage.local.get('preferences');
    const old = typeof preferences === 'object' && preferences !== null ? preferences : {};
    await chrome.storage.local.set({ preferences: { ...old, ...p } });
  }, patch);
}

/** A per-site service choice as the popup stores it (the popup's own UI is tested elsewhere). */
export async function storeSiteService(worker: Worker, domain: string, code: string, name: string) {
  await worker.evaluate(
    async ([d, c, n]) => {
      await chrome.storage.local.set({ siteServices: { [d]: { code: c, name: n } } });
    },
    [domain, code, name] as const,
  );
}
