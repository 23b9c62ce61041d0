// @vitest-environment happy-dom
/**
 * The page side of site-aware offers: the selector the fill uses for the country code is the
 * one read for the site's countries (no second detection), a native <select> or a flag picker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage, type PageStyle } from '../../sandbox/demo/pages.ts';
import { resolveService } from '../../sandbox/demo/services.ts';
import { findSiteCountries } from './index.ts';

function demoPage(style: PageStyle): void {
  const html = renderPage(resolveService('discord'), style);
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script>[\s\S]*?<\/script>/g, '');
}

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.lang = '';
});

describe('findSiteCountries', () => {
  it('reads the dial-code select beside the phone field', () => {
    document.body.innerHTML = `<form>
<label for="cc">Country code</label>
<select id="cc" autocomplete="tel-country-code">
  <option value="">Select</option>
  <option value="GB" data-dial="+44">🇬🇧 United Kingdom (+44)</option>
  <option value="CA" data-dial="+1">🇨🇦 Canada (+1)</option>
  <option value="US" data-dial="+1">🇺🇸 United States (+1)</option>
</select>
<label for="tel">Phone number</label>
<input id="tel" type="tel" autocomplete="tel-national">
</form>`;
    expect(findSiteCountries(document)).toEqual(['CA', 'GB', 'US']);
  });

  it('reads an intl-tel-input list the page rendered closed', () => {
    document.body.innerHTML = `<div class="iti">
<button type="button" class="iti__selected-country" aria-haspopup="listbox">+1</button>
<ul class="iti__country-list" role="listbox" hidden>
  <li class="iti__country" role="option" data-country-code="de" data-dial-code="49"><span>Germany</span> <span>+49</span></li>
  <li class="iti__country" role="option" data-country-code="fr" data-dial-code="33"><span>France</span> <span>+33</span></li>
</ul>
<label for="p">Phone</label><input id="p" type="tel" autocomplete="tel">
</div>`;
    expect(findSiteCountries(document)).toEqual(['DE', 'FR']);
  });

  it('the demo site: the restricted page lists nine countries, the country page all 45', () => {
    demoPage('restricted');
    expect(findSiteCountries(document)).toEqual([
      'CA',
      'DE',
      'ES',
      'FR',
      'GB',
      'IT',
      'NL',
      'PL',
      'US',
    ]);
    demoPage('country');
    expect(findSiteCountries(document)).toHaveLength(45);
    demoPage('plain');
    expect(findSiteCountries(document)).toBeNull();
  });

  it('names in the page language', () => {
    document.documentElement.lang = 'ru';
    document.body.innerHTML = `<label for="c">Код страны</label>
<select id="c" name="phone_code"><option value="7">Россия (+7)</option><option value="375">Беларусь (+375)</option></select>
<label for="t">Телефон</label><input id="t" type="tel" name="phone">`;
    expect(findSiteCountries(document)).toEqual(['BY', 'RU']);
  });

  it('nothing for a plain phone field, an address country far from it, or no phone field', () => {
    document.body.innerHTML = `<label for="t">Phone</label><input id="t" type="tel" autocomplete="tel">`;
    expect(findSiteCountries(document)).toBeNull();
    document.body.innerHTML = `<label for="a">Country</label>
<select id="a" autocomplete="country"><option value="GB">United Kingdom</option><option value="DE">Germany</option></select>
<label for="s">Street</label><input id="s" autocomplete="address-line1">
<label for="z">City</label><input id="z" autocomplete="address-level2">
<label for="q">Postcode</label><input id="q" autocomplete="postal-code">
<label for="t">Phone</label><input id="t" type="tel" autocomplete="tel">`;
    expect(findSiteCountries(document)).toBeNull();
    document.body.innerHTML = `<label for="e">Email</label><input id="e" type="email">`;
    expect(findSiteCountries(document)).toBeNull();
  });
});
