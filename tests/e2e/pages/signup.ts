import { expect, type Locator, type Page } from '@playwright/test';

/** A demo signup page: phone step, then code step. */
export class SignupPage {
  readonly phone: Locator;
  readonly code: Locator;

  constructor(readonly page: Page) {
    this.phone = page.getByLabel('Phone number');
    this.code = page.getByLabel('Verification code');
  }

  async sendCode() {
    await this.page.getByRole('button', { name: 'Send code' }).click();
  }

  async verify() {
    await this.page.getByRole('button', { name: 'Verify' }).click();
  }

  async expectVerified(timeout = 10_000) {
    await expect(this.page.getByRole('status').filter({ hasText: 'Verified' })).toBeVisible({
      timeout,
    });
  }
}
