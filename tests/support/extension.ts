import {
  expect,
  type BrowserContext,
  type Locator,
  type Page,
  type Worker,
} from '@playwright/test';

export type ProviderFamily = 'codasms' | 'smsactivate' | 'fivesim';

export interface ProviderSetup {
  apiKey: string;
  baseUrl: string;
  /** Default CODASMS. */
  provider?: ProviderFamily;
  /** SMS-Activate protocol: a host preset id, or `custom` (the default) for `baseUrl`. */
  host?: string;
  /** Account currency, where the options ask for it (5sim, custom SMS-Activate hosts). */
  currency?: string;
}

/** The options page, as a user sees it. */
export class OptionsPage {
  readonly status: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status');
    this.alert = page.getByRole('alert');
  }

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return new OptionsPage(page);
  }

  /** Fills the form for one provider and presses "Save and test". */
  async saveAndTest(s: ProviderSetup): Promise<void> {
    const family = s.provider ?? 'codasms';
    // A <select> inside its <label>: the label's text includes the options, so go by role.
    const select = (name: string) => this.page.getByRole('combobox', { name, exact: true });
    await select('Provider').selectOption(family);
    if (family === 'smsactivate') {
      await select('Host').selectOption(s.host ?? 'custom');
    }
    await this.page.getByLabel('API key').fill(s.apiKey);
    await this.page.getByLabel(/API address/).fill(s.baseUrl);
    if (s.currency) await select('Account currency').selectOption(s.currency);
    await this.page.getByRole('button', { name: 'Save and test' }).click();
  }

  /** The outcome line: the balance, or the problem in words. */
  async outcome(): Promise<string> {
    const shown = this.status.or(this.alert);
    await shown.waitFor({ timeout: 15_000 });
    return (await shown.textContent()) ?? '';
  }
}

/** Sets a provider up the way a user does: the options page, key and address, Save. */
export async function configureProvider(
  context: BrowserContext,
  extensionId: string,
  settings: ProviderSetup,
): Promise<string> {
  const options = await OptionsPage.open(context, extensionId);
  await options.saveAndTest(settings);
  const text = await options.outcome();
  await options.page.close();
  return text;
}
/** The browser's id for the tab showing `url` (asked of the extension's worker). */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === target)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * Opens the popup for a tab. A test cannot click the toolbar button, so the test build's
 * popup takes its target tab from `?tab=`.
 */
export async function openPopup(
  context: BrowserContext,
  extensionId: string,
  tabId: number,
): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** The user's first two steps: the signup page in a tab, then the popup opened on that tab. */
export async function openSignupWithPopup(
  ext: { context: BrowserContext; extensionId: string; worker: Worker },
  url: string,
): Promise<{ site: Page; popupPage: Page }> {
  const site = await ext.context.newPage();
  await site.goto(url);
  const popupPage = await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url));
  return { site, popupPage };
}

/**
 * Catches what the page's Copy buttons hand the clipboard (a headless extension page cannot
 * read it back): returns a reader of the last text copied.
 */
export async function watchClipboard(page: Page): Promise<() => Promise<string | undefined>> {
  await page.evaluate(() => {
    const seen = window as unknown as { copied?: string };
    navigator.clipboard.writeText = (text: string) => {
      seen.copied = text;
      return Promise.resolve();
    };
  });
  return () => page.evaluate(() => (window as unknown as { copied?: string }).copied);
}

/**
 * Clicks something that should open the options page, and waits until it is open. Chrome may
 * open it in a blank tab it already has, so every tab is looked at; options tabs open before
 * (the welcome tab of a fresh install) are closed first.
 */
export async function expectOpensOptions(
  context: BrowserContext,
  click: () => Promise<void>,
): Promise<void> {
  const isOptions = (p: Page) => p.url().endsWith('/options.html');
  for (const page of context.pages()) if (isOptions(page)) await page.close();
  await click();
  await expect.poll(() => context.pages().some(isOptions)).toBe(true);
}
