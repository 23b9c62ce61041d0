import { expect, type Locator, type Page } from '@playwright/test';

/** The toolbar popup, as a user sees it. */
export class PopupPage {
  readonly service: Locator;
  readonly balance: Locator;
  readonly status: Locator;
  readonly number: Locator;
  readonly code: Locator;

  /** The order of the tab the popup was opened on (other tabs' orders are listed below it). */
  readonly currentOrder: Locator;

  /** The search over the provider's services (unknown site, or "Change service"). */
  readonly serviceSearch: Locator;
  readonly countrySearch: Locator;
  /** "N countries hidden above your price cap", with its show/hide button. */
  readonly capNote: Locator;
  /** An error that says what happened and what to do next. */
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.service = page.getByTestId('service');
    this.balance = page.getByTestId('balance');
    this.currentOrder = page.getByTestId('current-order');
    this.status = this.currentOrder.getByTestId('order-status');
    this.number = this.currentOrder.getByTestId('order-number');
    this.code = this.currentOrder.getByTestId('order-code');
    this.serviceSearch = page.getByRole('searchbox', { name: 'Search services' });
    this.countrySearch = page.getByRole('searchbox', { name: 'Search countries' });
    this.capNote = page.getByTestId('cap-note');
    this.problem = page.locator('.problem[role="alert"]');
  }

  /** Searches the provider's service list and picks `name` for this site. */
  async chooseService(query: string, name: string) {
    await this.serviceSearch.fill(query);
    await this.page.getByRole('list', { name: 'Services' }).getByRole('button', { name }).click();
    await expect(this.service).toHaveText(name);
  }

  async changeService(query: string, name: string) {
    await this.page.getByRole('button', { name: 'Change service' }).click();
    await this.chooseService(query, name);
  }

  /** The country names listed, top to bottom. */
  async countries(): Promise<string[]> {
    return this.page.locator('.offers .country-name').allInnerTexts();
  }

  offerRow(countryName: string): Locator {
    return this.page.locator('.offers li', { hasText: countryName });
  }

  /** What the row says about the site's own country list: "Accepted by …" or why it is dimmed. */
  siteFit(countryName: string): Locator {
    return this.offerRow(countryName).locator('.site-fit, .site-fit-reason');
  }

  /** The first (cheapest) country that has Standard numbers in stock. */
  async getCheapestNumber(timeout = 30_000) {
    const buttons = this.page.getByRole('button', { name: /^Get a number in .*, Standard,/ });
    await buttons.first().waitFor({ timeout });
    await this.page.locator('.offers button.tier-standard:not([disabled])').first().click();
  }

  async getNumber(countryName: string, tier: 'Standard' | 'Priority' = 'Standard') {
    const name = new RegExp(`^Get a number in ${countryName}, ${tier},`);
    await this.page.getByRole('button', { name }).click();
  }

  async expectStatus(text: string | RegExp, timeout = 30_000) {
    await expect(this.status).toHaveText(text, { timeout });
  }

  async cancelWhenAllowed(timeout = 30_000) {
    const cancel = this.currentOrder.getByRole('button', { name: 'Cancel & refund' });
    await expect(cancel).toBeEnabled({ timeout });
    await cancel.click();
  }

  /** "<site> rejected this number", with the page's words, on the current order. */
  get rejected(): Locator {
    return this.currentOrder.getByTestId('order-rejected');
  }

  /** No SMS within the options' minutes: the question, why no swap, or the number swapped. */
  get noSms(): Locator {
    return this.currentOrder.getByTestId('order-no-sms');
  }

  /** The rejected number's one button: cancel for a refund, a new number of the same offer. */
  async cancelAndGetAnother(timeout = 30_000) {
    const button = this.rejected.getByRole('button', { name: 'Cancel and get another' });
    await expect(button).toBeEnabled({ timeout });
    await button.click();
  }
}
