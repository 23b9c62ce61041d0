import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/**
 * A demo signup page: phone step, then code step. `scope` is where the form lives: the page,
 * or the frame of a page that embeds its form in an iframe.
 */
export class SignupPage {
  readonly phone: Locator;
  readonly code: Locator;
  /** The phone step's "Send code" button. */
  readonly sendButton: Locator;

  constructor(
    readonly page: Page,
    readonly scope: Page | FrameLocator = page,
  ) {
    this.phone = scope.getByLabel('Phone number', { exact: true });
    this.code = scope.getByLabel('Verification code');
    this.sendButton = scope.getByRole('button', { name: 'Send code' });
  }

  /** The code as it stands in the page: one field, or split boxes read left to right. */
  async codeValue(): Promise<string> {
    // CSS, not roles: the boxes may still be hidden, and a hidden box still counts as empty.
    const boxes = this.scope.locator('[role="group"][aria-label="Verification code"] input');
    if ((await boxes.count()) > 0) {
      const digits = await boxes.evaluateAll((els) =>
        els.map((e) => (e instanceof HTMLInputElement ? e.value : '')),
      );
      return digits.join('');
    }
    const single = this.scope.locator('input[autocomplete="one-time-code"]');
    return (await single.count()) > 0 ? single.first().inputValue() : '';
  }

  async expectCodeFilled(timeout = 30_000) {
    await expect.poll(() => this.codeValue(), { timeout }).toMatch(/^\d{4,8}$/);
  }

  async sendCode() {
    await this.sendButton.click();
  }

  async verify() {
    await this.scope.getByRole('button', { name: 'Verify' }).click();
  }

  async expectVerified(timeout = 10_000) {
    await expect(this.scope.getByRole('status').filter({ hasText: 'Verified' })).toBeVisible({
      timeout,
    });
  }
}
