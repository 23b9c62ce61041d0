import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { openSignupWithPopup, tabIdOf } from '../support/extension.ts';

// Site-aware offers (#19): the page's phone country selector lists the countries the site takes
// numbers from. The popup marks offers there and puts them first; the rest are dimmed with the
// reason, and still order (the user may know better).

const SITE = 'discord.localhost';

/** The countries the restricted demo page lists, as the sandbox's offers name them. */
const LISTED = [
  'United Kingdom',
  'Germany',
  'France',
  'Spain',
  'Italy',
  'Netherlands',
  'Poland',
  'USA',
  'USA (virtual)',
  'Canada',
];

test('a signup that lists only some countries: those offers marked and first, another dimmed with its reason, and it still orders', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  const { site, popupPage } = await openSignupWithPopup(
    ext,
    demoUrl('discord', '/signup/restricted'),
  );
  const popup = new PopupPage(popupPage);
  await expect(popup.service).toHaveText('Discord');
  await expect(popup.siteFit('Germany')).toHaveText(`Accepted by ${SITE}`);

  const names = await popup.countries();
  expect(names.length).toBeGreaterThan(LISTED.length);
  expect([...names.slice(0, LISTED.length)].sort()).toEqual([...LISTED].sort());
  for (const name of LISTED.filter((n) => !n.startsWith('USA'))) {
    await expect(popup.siteFit(name)).toHaveText(`Accepted by ${SITE}`);
  }

  const indonesia = popup.offerRow('Indonesia');
  await expect(popup.siteFit('Indonesia')).toHaveText(`${SITE} does not list this country`);
  await expect(indonesia).toHaveClass(/off-site/);
  const button = popupPage.getByRole('button', { name: /^Get a number in Indonesia, Standard,/ });
  await expect(button).toBeEnabled();
  await expect(button).toHaveAccessibleDescription(`${SITE} does not list this country`);
  // Every row after the listed ones is dimmed with the same reason.
  for (const name of names.slice(LISTED.length, LISTED.length + 3)) {
    await expect(popup.siteFit(name)).toHaveText(`${SITE} does not list this country`);
  }

  // A search keeps the marks; Enter goes to the row's first button.
  await popup.countrySearch.fill('indo');
  await expect(popupPage.locator('.offers li')).toHaveCount(1);
  await expect(popup.siteFit('Indonesia')).toHaveText(`${SITE} does not list this country`);
  await popup.countrySearch.press('Enter');
  await expect(button).toBeFocused();

  // Dimmed is not disabled: the order goes through.
  await button.press('Enter');
  await popup.expectStatus('Waiting for the SMS');
  expect((await control.ledger(apiKey)).orders).toHaveLength(1);
  await expect(site.locator('#national')).not.toHaveValue('');
});

test('a page whose country selector lists every offered country, or has none: no marks, no dimming', async ({
  ext,
  apiKey,
  demoUrl,
}) => {
  void apiKey;
  for (const [path, listed] of [
    ['/signup/country', 45],
    ['/', null],
  ] as const) {
    const url = demoUrl('discord', path);
    const { popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    await popup.offerRow('Indonesia').waitFor();
    // The page was read (what its tab's fill script reported), and the popup marks nothing.
    const tabId = await tabIdOf(ext.worker, url);
    const reported = () =>
      ext.worker.evaluate(async (id) => {
        const { siteCountries } = await chrome.storage.session.get('siteCountries');
        const entry = (siteCountries as Record<string, { countries: string[] | null }>)?.[id];
        return entry ? (entry.countries?.length ?? null) : 'not yet';
      }, String(tabId));
    await expect.poll(reported).toBe(listed);
    await expect(popupPage.locator('.site-fit, .site-fit-reason, .off-site')).toHaveCount(0);
    await popupPage.close();
  }
});
