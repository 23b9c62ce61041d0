// Browser scripts for the widget gallery (widgets.ts). Each widget defines `W`: where its form
// lives (`root`: the document or a shadow root) and how the page reads the phone number and
// the code from its own controls, the way that widget family does. CLIENT_WIDGET_FLOW then
// runs the same send-code / verify flow as the other demo pages. Plain JS, no backticks.

export type WidgetName =
  | 'select-dial'
  | 'select-iso'
  | 'select-name'
  | 'dial-input'
  | 'intl-tel'
  | 'react-phone'
  | 'listbox'
  | 'input-otp'
  | 'shadow'
  | 'shadow-div'
  | 'iframe';

const HELPERS = String.raw`
function dialOf(key, field) {
  for (var i = 0; i < COUNTRIES.length; i++) if (COUNTRIES[i][field] === key) return COUNTRIES[i].dial;
  return '';
}
function nationalDigits(raw) { return String(raw || '').replace(/\D/g, '').replace(/^0+/, ''); }
function joinPhone(dial, raw) { var n = nationalDigits(raw); return dial && n ? dial + n : ''; }
function internationalOr(raw, dial) {
  return String(raw || '').trim().charAt(0) === '+' ? normalizePhone(raw) : joinPhone(dial, raw);
}
// Opens and closes a button's listbox; a click on an option calls choose(option).
function listbox(button, list, choose) {
  function open(yes) { list.hidden = !yes; button.setAttribute('aria-expanded', String(yes)); }
  button.addEventListener('click', function () { open(list.hidden); });
  button.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') open(false); });
  list.addEventListener('click', function (ev) {
    var option = ev.target.closest('[role=option]');
    if (!option) return;
    list.querySelectorAll('[role=option]').forEach(function (o) { o.setAttribute('aria-selected', String(o === option)); });
    choose(option);
    open(false);
  });
}
`;

const PLAIN = String.raw`
var W = { root: document, phone: function () { return normalizePhone(byId('phone').value); } };
`;

export const WIDGET_SCRIPTS: Readonly<Partial<Record<WidgetName, string>>> = {
  'select-dial': String.raw`
var W = { root: document, phone: function () { return joinPhone(byId('country').value, byId('national').value); } };
`,
  'select-iso': String.raw`
var W = { root: document, phone: function () { return joinPhone(dialOf(byId('country').value, 'iso'), byId('national').value); } };
`,
  'select-name': String.raw`
var W = { root: document, phone: function () { return joinPhone(dialOf(byId('country').value, 'name'), byId('national').value); } };
`,
  'dial-input': String.raw`
var W = { root: document, phone: function () {
  var dial = '+' + byId('dial').value.replace(/\D/g, '');
  return dial.length > 1 ? joinPhone(dial, byId('national').value) : '';
} };
`,
  'intl-tel': String.raw`
var iti = { iso: 'US', dial: '+1' };
listbox(document.querySelector('.iti__selected-country'), document.querySelector('.iti__country-list'), function (li) {
  iti.iso = li.getAttribute('data-country-code').toUpperCase();
  iti.dial = '+' + li.getAttribute('data-dial-code');
  document.querySelector('.iti__flag').textContent = iti.iso;
  document.querySelector('.iti__selected-dial-code').textContent = iti.dial;
  byId('phone').focus();
});
var W = { root: document, phone: function () { return internationalOr(byId('phone').value, iti.dial); } };
`,
  // Like react-phone-number-input: a transparent native <select> over the flag, and a
  // React-controlled input (a value set without an input event is lost, as with React's value
  // tracker). Typing "+<code>..." switches the country, as the library does.
  'react-phone': String.raw`
var rp = { country: 'US', text: '' };
var select = document.querySelector('.PhoneInputCountrySelect');
var input = byId('phone');
var nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
var tracked = '';
Object.defineProperty(input, 'value', {
  configurable: true,
  get: function () { return nativeValue.get.call(this); },
  set: function (v) { tracked = String(v); nativeValue.set.call(this, v); }
});
function showCountry() { document.querySelector('.PhoneInputCountryIcon').textContent = rp.country; }
select.addEventListener('change', function () { rp.country = select.value; showCountry(); });
input.addEventListener('input', function () {
  var now = nativeValue.get.call(input);
  if (now === tracked) return;
  tracked = now;
  rp.text = now;
  var digits = now.replace(/\D/g, '');
  if (now.trim().charAt(0) !== '+') return;
  for (var len = 3; len >= 1; len--) {
    var hit = COUNTRIES.filter(function (c) { return c.dial === '+' + digits.slice(0, len); })[0];
    if (hit) { rp.country = select.value === hit.iso ? rp.country : hit.iso; select.value = rp.country; showCountry(); return; }
  }
});
var W = { root: document, phone: function () {
  if (rp.text.trim().charAt(0) === '+') return normalizePhone(rp.text);
  return rp.country === 'ZZ' ? '' : joinPhone(dialOf(rp.country, 'iso'), rp.text);
} };
`,
  listbox: String.raw`
var cc = { dial: '+1' };
listbox(byId('cc-button'), byId('cc-list'), function (option) {
  cc.dial = dialOf(option.id.slice(3), 'iso');
  byId('cc-button').textContent = cc.dial;
  byId('phone').focus();
});
var W = { root: document, phone: function () { return joinPhone(cc.dial, byId('phone').value); } };
`,
  // input-otp: one transparent input over visual slots; the slots show what the input holds.
  'input-otp': String.raw`
var otp = byId('code');
var slots = Array.prototype.slice.call(document.querySelectorAll('.otp-slot'));
otp.addEventListener('input', function () {
  var digits = otp.value.replace(/\D/g, '').slice(0, slots.length);
  if (digits !== otp.value) otp.value = digits;
  slots.forEach(function (s, i) { s.textContent = digits.charAt(i); });
});
var W = { root: document, phone: function () { return normalizePhone(byId('phone').value); } };
`,
  shadow: String.raw`
customElements.define('signup-card', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).appendChild(byId('card-template').content.cloneNode(true));
  }
});
var shadow = document.querySelector('signup-card').shadowRoot;
var W = { root: shadow, phone: function () { return normalizePhone(shadow.getElementById('phone').value); } };
`, // A plain div made into a host by the page's script (no custom element), as embedded widgets do.
  'shadow-div': String.raw`
var host = document.querySelector('[data-card-host]');
var shadow = host.attachShadow({ mode: 'open' });
shadow.appendChild(byId('card-template').content.cloneNode(true));
var W = { root: shadow, phone: function () { return normalizePhone(shadow.getElementById('phone').value); } };
`,
  iframe: PLAIN,
};

for (const name of Object.keys(WIDGET_SCRIPTS) as WidgetName[]) {
  (WIDGET_SCRIPTS as Record<WidgetName, string>)[name] = HELPERS + (WIDGET_SCRIPTS[name] ?? '');
}

export const CLIENT_WIDGET_FLOW = String.raw`
(function () {
  var root = W.root;
  function $(id) { return root.getElementById(id); }
  var phoneForm = $('phone-form');
  var codeStep = $('code-step');
  var codeForm = $('code-form');
  var sentPhone = null;
  var verified = false;
  var length = Number(document.body.getAttribute('data-code-length')) || 6;

  function resetCode() { var c = $('code'); c.value = ''; c.dispatchEvent(new Event('input')); c.focus(); }

  async function requestCode(phone, button) {
    clearError();
    setBusy(button, true);
    var result = await postJson('/api/send-code', { phone: phone });
    setBusy(button, false);
    if (!result.ok) { showError(result.error); return; }
    sentPhone = result.phone || phone;
    $('sent-to').textContent = 'We sent a code to ' + sentPhone;
    codeStep.hidden = false;
    resetCode();
  }

  phoneForm.addEventListener('submit', async function (event) {
    event.preventDefault();
    if (verified) return;
    var phone = W.phone();
    if (!phone) { showError('Enter your phone number.'); return; }
    await requestCode(phone, phoneForm.querySelector('button[type=submit]'));
  });

  $('resend').addEventListener('click', async function () {
    if (sentPhone && !verified) await requestCode(sentPhone, $('resend'));
  });

  codeForm.addEventListener('submit', async function (event) {
    event.preventDefault();
    if (verified || !sentPhone) return;
    clearError();
    var code = cleanCode($('code').value);
    if (code.length !== length) { showError('Enter all ' + length + ' digits of the code.'); return; }
    var button = codeForm.querySelector('button[type=submit]');
    setBusy(button, true);
    var result = await postJson('/api/verify', { phone: sentPhone, code: code });
    setBusy(button, false);
    if (!result.ok) { showError(result.error); return; }
    verified = true;
    phoneForm.hidden = true;
    codeStep.hidden = true;
    $('done').hidden = false;
    showStatus('Verified');
  });
})();
`;
