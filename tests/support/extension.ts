import type { BrowserContext, Page, Worker } from '@playwright/test';

/** Sets the provider up the way a user does: the options page, key and address, Save. */
export async function configureProvider(
  context: BrowserContext,
  extensionId: string,
  settings: { apiKey: string; baseUrl: string },
): Promise<string> {
  // Reuse the settings tab a fresh install opened, as a user would.
  const settingsUrl = `chrome-extension://${extensionId}/options.html`;
  const page =
    context.pages().find((p) => p.url().startsWith(settingsUrl)) ?? (await context.newPage());
  if (!page.url().startsWith(settingsUrl)) await page.goto(settingsUrl);
  await page.getByLabel('API key').waitFor();
  await page.getByLabel('API key').fill(settings.apiKey);
  await page.getByLabel(/API address/).fill(settings.baseUrl);
  await page.getByRole('button', { name: 'Save and test' }).click();
  const status = page.getByRole('status');
  await status.or(page.getByRole('alert')).waitFor({ timeout: 15_000 });
  const text = (await status.or(page.getByRole('alert')).textContent()) ?? '';
  await page.close();
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
