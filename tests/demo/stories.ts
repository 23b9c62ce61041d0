import { expect, type BrowserContext } from '@playwright/test';
import { PopupPage } from '../e2e/pages/popup.ts';
import { SignupPage } from '../e2e/pages/signup.ts';
import { openPopup, tabIdOf } from '../support/extension.ts';
import type { LaunchedExtension } from '../support/chromium.ts';
import type { SandboxControl } from '../support/sandbox-client.ts';

export type Step = (line: string) => void;

interface StoryContext {
  ext: LaunchedExtension;
  control: SandboxControl;
  demoUrl: (site: string, path?: string) => string;
  step: Step;
}

async function openSiteAndPopup(context: BrowserContext, ctx: StoryContext, url: string) {
  const site = await context.newPage();
  await site.goto(url);
  const tabId = await tabIdOf(ctx.ext.worker, url);
  const popup = new PopupPage(await openPopup(context, ctx.ext.extensionId, tabId));
  return { site, popup };
}

/** Story (a): a code arrives; phone and code fill; the site verifies; one charge. */
export async function storyCodeArrives(ctx: StoryContext): Promise<void> {
  const url = ctx.demoUrl('discord');
  ctx.step(`(a) open the signup page ${url}`);
  const { site, popup } = await openSiteAndPopup(ctx.ext.context, ctx, url);
  await expect(popup.service).toHaveText('Discord');
  ctx.step(`(a) popup detects Discord; balance ${await popup.balance.textContent()}`);
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  ctx.step(`(a) ordered ${await popup.number.textContent()} (Indonesia, Standard)`);
  const signup = new SignupPage(site);
  await expect(signup.phone).toHaveValue(/^\+62/);
  ctx.step(`(a) phone field filled: ${await signup.phone.inputValue()}`);
  await signup.sendCode();
  ctx.step('(a) pressed "Send code": the site sends its SMS through the sandbox');
  await expect(signup.code).toHaveValue(/^\d{6}$/, { timeout: 30_000 });
  ctx.step(`(a) code filled by the extension: ${await signup.code.inputValue()}`);
  await signup.verify();
  await signup.expectVerified();
  ctx.step('(a) the site says "Verified"');
  await popup.expectStatus('Code received');
  ctx.step(`(a) popup: code ${await popup.code.textContent()}, charged`);
  await site.close();
  await popup.page.close();
}

/** Story (b): no SMS; the extension cancels at the window end; the money comes back. */
export async function storyNoSms(ctx: StoryContext, windowSeconds: number): Promise<void> {
  await ctx.control.settings({ window_seconds: windowSeconds, early_cancel_seconds: 3 });
  const url = ctx.demoUrl('telegram');
  ctx.step(`(b) open ${url} with a ${windowSeconds} s window (a real one is 20 min)`);
  const { site, popup } = await openSiteAndPopup(ctx.ext.context, ctx, url);
  await expect(popup.service).toHaveText('Telegram');
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  ctx.step(`(b) ordered ${await popup.number.textContent()}; nobody presses "Send code"`);
  await popup.expectStatus('Refunded', (windowSeconds + 30) * 1000);
  ctx.step('(b) window ended: the extension cancelled, popup says "Refunded"');
  await site.close();
  await popup.page.close();
}

/**
 * Story (c): the site refuses the first number; the popup says so; one click gives it back
 * and fills a second one; its code fills; charged once, the first refunded.
 */
export async function storyRejected(ctx: StoryContext): Promise<void> {
  await ctx.control.settings({ window_seconds: 1200 });
  const url = ctx.demoUrl('discord');
  ctx.step(`(c) open ${url}; this time the site will refuse the first number`);
  const { site, popup } = await openSiteAndPopup(ctx.ext.context, ctx, url);
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  const signup = new SignupPage(site);
  await expect(signup.phone).toHaveValue(/^\+62/);
  const first = await signup.phone.inputValue();
  ctx.step(`(c) ordered and filled ${first}`);
  // Sites refuse single numbers and whole ranges; the demo site is told to refuse this one.
  await ctx.control.siteRejects({ numbers: [first.replace(/[^\d+]/g, '')] });
  await signup.sendCode();
  await expect(signup.phone).toHaveAttribute('aria-invalid', 'true');
  ctx.step('(c) pressed "Send code": the site shows an error under the phone field');
  await expect(popup.rejected).toContainText('rejected this number', { timeout: 15_000 });
  const title = await popup.rejected.getByRole('alert').textContent();
  ctx.step(`(c) popup: "${title}", one button: "Cancel and get another"`);
  await popup.cancelAndGetAnother();
  // The first number leaves the field (given back), the second of the same offer comes in.
  const filled = async () => {
    const value = await signup.phone.inputValue();
    return value !== first && /^\+62\d/.test(value.replace(/[^\d+]/g, ''));
  };
  await expect.poll(filled, { timeout: 30_000 }).toBe(true);
  await expect(signup.sendButton).toBeFocused();
  ctx.step(
    `(c) "Cancel and get another": first number refunded, ${await signup.phone.inputValue()} filled, "Send code" focused`,
  );
  await signup.sendCode();
  await expect(signup.code).toHaveValue(/^\d{6}$/, { timeout: 30_000 });
  ctx.step(`(c) code filled by the extension: ${await signup.code.inputValue()}`);
  await signup.verify();
  await signup.expectVerified();
  await popup.expectStatus('Code received');
  ctx.step('(c) the site says "Verified"; charged for the second number only');
  await site.close();
  await popup.page.close();
}
