import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { openPopup, tabIdOf } from '../support/extension.ts';

// One story per widget family of the demo site's gallery: order an Indonesian number from the
// popup, the extension fills the phone through the widget, the site sends the SMS to that
// number (so a wrongly filled number never gets a code), the code fills, the site verifies.
interface WidgetCase {
  path: string;
  name: string;
  /** What the user sees in the phone step once the extension filled it. */
  phoneShown(signup: SignupPage, national: string, e164: string): Promise<void>;
  inFrame?: boolean;
}

const national = (signup: SignupPage, digits: string) =>
  expect(signup.phone).toHaveValue(new RegExp(`^0?${digits}$`));
const e164Typed = (signup: SignupPage, _n: string, e164: string) =>
  expect(signup.phone).toHaveValue(e164);

const CASES: WidgetCase[] = [
  {
    path: '/widgets/select-dial',
    name: 'country select of dial codes',
    async phoneShown(signup, n) {
      await expect(signup.page.getByLabel('Country code')).toHaveValue('+62');
      await national(signup, n);
    },
  },
  {
    path: '/widgets/select-iso',
    name: 'country select of ISO codes',
    async phoneShown(signup, n) {
      await expect(signup.page.getByLabel('Country', { exact: true })).toHaveValue('ID');
      await national(signup, n);
    },
  },
  {
    path: '/widgets/select-name',
    name: 'country select of country names',
    async phoneShown(signup, n) {
      await expect(signup.page.getByLabel('Country', { exact: true })).toHaveValue('Indonesia');
      await national(signup, n);
    },
  },
  {
    path: '/widgets/dial-input',
    name: 'separate dial-code field',
    async phoneShown(signup, n) {
      await expect(signup.page.getByLabel('Country code')).toHaveValue('+62');
      await national(signup, n);
    },
  },
  {
    path: '/widgets/intl-tel',
    name: 'intl-tel-input flag picker',
    async phoneShown(signup, n) {
      await expect(signup.page.locator('.iti__selected-dial-code')).toHaveText('+62');
      await national(signup, n);
    },
  },
  {
    path: '/widgets/react-phone',
    name: 'react-phone-number-input',
    async phoneShown(signup, n) {
      await expect(signup.page.getByLabel('Phone number country')).toHaveValue('ID');
      await national(signup, n);
    },
  },
  {
    path: '/widgets/listbox',
    name: 'custom button country picker',
    async phoneShown(signup, n) {
      await expect(signup.page.getByRole('button', { name: 'Country calling code' })).toHaveText(
        '+62',
      );
      await national(signup, n);
    },
  },
  { path: '/widgets/input-otp', name: 'input-otp code slots', phoneShown: e164Typed },
  { path: '/widgets/shadow', name: 'form in a shadow root', phoneShown: e164Typed },
  {
    path: '/widgets/shadow-div',
    name: 'form in the shadow root of a plain div',
    phoneShown: e164Typed,
  },
  {
    path: '/widgets/iframe',
    name: 'form in a same-origin iframe',
    phoneShown: e164Typed,
    inFrame: true,
  },
];

for (const c of CASES) {
  test(`${c.name}: number and code fill, the site verifies`, async ({ ext, apiKey, demoUrl }) => {
    expect(apiKey).toBeTruthy();
    const site = await ext.context.newPage();
    const url = demoUrl('discord', c.path);
    await site.goto(url);
    const signup = new SignupPage(site, c.inFrame ? site.frameLocator('iframe') : site);
    const popup = new PopupPage(
      await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
    );
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    const e164 = `+${(await popup.number.textContent())?.replace(/\D/g, '')}`;
    await c.phoneShown(signup, e164.slice(3), e164);

    await signup.sendCode();
    await signup.expectCodeFilled();
    await signup.verify();
    await signup.expectVerified();
  });
}
