/** Realistic markup for the fill tests: the demo site's page styles and common widgets. */

export const PLAIN_PHONE = `
<form id="signup">
  <label for="email">Email</label><input id="email" type="email" name="email" autocomplete="email">
  <label for="phone">Phone number</label>
  <input id="phone" type="tel" autocomplete="tel" name="phone" placeholder="+1 555 123 4567">
  <button type="submit">Send code</button>
</form>`;

export const CODE_STEP = `
<form id="verify">
  <label for="code">Verification code</label>
  <input id="code" autocomplete="one-time-code" inputmode="numeric" name="code">
  <button type="submit">Verify</button>
</form>`;

export const COUNTRY_SELECT = `
<form>
  <label for="cc">Country code</label>
  <select id="cc" name="country_code">
    <option value="+1">United States (+1)</option>
    <option value="+44">United Kingdom (+44)</option>
    <option value="+62">Indonesia (+62)</option>
    <option value="+7">Russia (+7)</option>
  </select>
  <label for="national">Phone number</label>
  <input id="national" type="tel" autocomplete="tel-national" name="national">
</form>`;

export const SPLIT_BOXES = `
<form>
  <p>Enter the code we sent by SMS</p>
  <div role="group" aria-label="Verification code" class="otp">
    ${[1, 2, 3, 4, 5, 6]
      .map(
        (n) =>
          `<input type="text" maxlength="1" inputmode="numeric" aria-label="Digit ${n}"${n === 1 ? ' autocomplete="one-time-code"' : ''}>`,
      )
      .join('\n    ')}
  </div>
</form>`;

export const INTL_TEL_INPUT = `
<form>
  <label for="iti-phone">Mobile number</label>
  <div class="iti iti--allow-dropdown iti--separate-dial-code">
    <div class="iti__flag-container">
      <div class="iti__selected-flag" role="combobox" aria-expanded="false" title="United States: +1">
        <div class="iti__flag iti__us"></div>
        <div class="iti__selected-dial-code">+1</div>
        <div class="iti__arrow"></div>
      </div>
      <ul class="iti__country-list iti__hide" role="listbox">
        <li class="iti__country" data-dial-code="1" data-country-code="us"><span class="iti__country-name">United States</span><span class="iti__dial-code">+1</span></li>
        <li class="iti__country" data-dial-code="62" data-country-code="id"><span class="iti__country-name">Indonesia</span><span class="iti__dial-code">+62</span></li>
      </ul>
    </div>
    <input id="iti-phone" type="tel" name="phone" autocomplete="off" placeholder="201-555-0123">
  </div>
</form>`;

export const REACT_PHONE_NUMBER_INPUT = `
<form>
  <div class="PhoneInput">
    <div class="PhoneInputCountry">
      <select name="phoneNumberCountry" aria-label="Phone number country" class="PhoneInputCountrySelect">
        <option value="ZZ">International</option>
        <option value="FR">France</option>
        <option value="ID">Indonesia</option>
        <option value="US">United States</option>
      </select>
      <div class="PhoneInputCountryIcon"></div>
    </div>
    <input type="tel" autocomplete="tel" placeholder="Enter phone number" class="PhoneInputInput" value="">
  </div>
</form>`;

export const INPUT_OTP = `
<div data-input-otp-container="true" style="position:relative">
  <div class="flex"><div class="slot"></div><div class="slot"></div><div class="slot"></div><div class="slot"></div><div class="slot"></div><div class="slot"></div></div>
  <div style="position:absolute;inset:0">
    <input autocomplete="one-time-code" data-input-otp="true" inputmode="numeric" maxlength="6" spellcheck="false" value=""
      style="position:absolute;inset:0;width:100%;height:100%;color:transparent;background:transparent">
  </div>
</div>`;

export const NUMBER_BOXES = `
<form><h2>Two-factor authentication</h2>
  <div class="tfa">${[1, 2, 3, 4, 5, 6].map((n) => `<input type="number" name="_tfa${n}" autocomplete="one-time-code">`).join('')}</div>
</form>`;

export const HONEYPOTS = `
<form>
  <input type="tel" name="phone_confirm" autocomplete="off" tabindex="-1" aria-hidden="true" style="position:absolute;left:-9999px">
  <div style="display:none"><label>Phone <input type="tel" name="phone2"></label></div>
  <label>Leave this field empty <input type="text" name="website_hp_phone"></label>
  <label for="real">Phone</label><input id="real" type="tel" name="mobile">
</form>`;

export const DECOY_CODES = `
<form>
  <label for="promo">Promo code</label><input id="promo" name="promo_code" maxlength="8">
  <label for="captcha">Enter the characters in the image</label><input id="captcha" name="captcha_code" maxlength="6">
  <label for="ref">Referral code</label><input id="ref" name="referral">
  <label for="zip">ZIP code</label><input id="zip" name="zip" autocomplete="postal-code" maxlength="5">
</form>`;

export const EMERGENCY_CONTACT = `
<form>
  <fieldset><legend>Emergency contact</legend>
    <label for="ec-name">Name</label><input id="ec-name" name="emergency_name">
    <label for="ec-phone">Emergency contact phone</label><input id="ec-phone" type="tel" name="emergency_phone">
  </fieldset>
  <label for="main">Mobile phone number</label><input id="main" type="tel" name="mobile" autocomplete="tel">
</form>`;
