// HTML for the widget gallery (/widgets/*): one signup page per phone or code widget family
// a real site uses, each running the same send-code / verify flow (client-widgets.ts), so an
// e2e test sees the page itself accept the number and the code. Every interpolated value goes
// through escapeHtml; the scripts are static strings plus JSON of the country table.
import { COUNTRIES, DEFAULT_COUNTRY } from './countries.ts';
import { CLIENT_COMMON } from './client-common.ts';
import { CLIENT_WIDGET_FLOW, WIDGET_SCRIPTS, type WidgetName } from './client-widgets.ts';
import { escapeHtml as e } from './http-util.ts';
import { formsMain, intro, layout, PLAIN_PHONE, SINGLE_CODE, WIDGETS_PATH } from './pages.ts';
import type { Service } from './services.ts';

export type { WidgetName } from './client-widgets.ts';

export const WIDGETS: Readonly<Record<WidgetName, string>> = {
  'select-dial': 'Country select: dial codes',
  'select-iso': 'Country select: ISO codes',
  'select-name': 'Country select: country names',
  'dial-input': 'Separate dial-code field',
  'intl-tel': 'Flag picker (intl-tel-input)',
  'react-phone': 'react-phone-number-input',
  listbox: 'Custom button picker (ARIA listbox)',
  'input-otp': 'input-otp: one input over six slots',
  shadow: 'Shadow DOM',
  'shadow-div': 'Shadow DOM on a plain div',
  iframe: 'Same-origin iframe',
};

export const widgetPath = (name: WidgetName): string => `${WIDGETS_PATH}/${name}`;
export const IFRAME_FORM_PATH = `${WIDGETS_PATH}/iframe/form`;

const option = (value: string, text: string, selected: boolean): string =>
  `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(text)}</option>`;

function countrySelect(label: string, kind: 'iso' | 'name' | 'dial'): string {
  const seen = new Set<string>();
  const options = COUNTRIES.flatMap((c) => {
    const selected = c.iso === DEFAULT_COUNTRY;
    if (kind === 'iso') return [option(c.iso, c.name, selected)];
    if (kind === 'name') return [option(c.name, c.name, selected)];
    if (seen.has(c.dial)) return []; // one row per code: +1 and +7 serve several countries
    seen.add(c.dial);
    return [option(c.dial, c.dial, selected)];
  }).join('\n');
  return `<label for="country">${e(label)}</label>
<select id="country" name="country">
${options}
</select>
<label for="national">Phone number</label>
<input id="national" type="tel" name="national" inputmode="tel" placeholder="555 123 4567" required>`;
}

const DIAL_INPUT = `<div class="row">
<label for="dial">Country code</label>
<input id="dial" name="dial" inputmode="tel" maxlength="5" value="+1" class="short">
</div>
<label for="national">Phone number</label>
<input id="national" type="tel" name="national" placeholder="555 123 4567" required>`;

const items = (render: (c: (typeof COUNTRIES)[number]) => string): string =>
  COUNTRIES.map(render).join('\n');

const INTL_TEL = `<label for="phone">Phone number</label>
<div class="iti">
<div class="iti__country-container">
<button type="button" class="iti__selected-country" aria-haspopup="listbox" aria-expanded="false" aria-label="Country">
<span class="iti__flag">US</span> <span class="iti__selected-dial-code">+1</span></button>
<ul class="iti__country-list" role="listbox" hidden>
${items((c) => `<li class="iti__country" role="option" data-country-code="${e(c.iso.toLowerCase())}" data-dial-code="${e(c.dial.slice(1))}"><span class="iti__country-name">${e(c.name)}</span> <span class="iti__dial-code">${e(c.dial)}</span></li>`)}
</ul>
</div>
<input id="phone" type="tel" name="phone" autocomplete="off" placeholder="201-555-0123">
</div>`;

const REACT_PHONE = `<label for="phone">Phone number</label>
<div class="PhoneInput">
<div class="PhoneInputCountry">
<select class="PhoneInputCountrySelect" name="phoneCountry" aria-label="Phone number country">
<option value="ZZ">International</option>
${COUNTRIES.map((c) => option(c.iso, c.name, c.iso === DEFAULT_COUNTRY)).join('\n')}
</select>
<div class="PhoneInputCountryIcon" aria-hidden="true">US</div>
</div>
<input id="phone" type="tel" autocomplete="tel" class="PhoneInputInput" placeholder="Enter phone number">
</div>`;

const LISTBOX = `<label for="phone">Phone number</label>
<div class="picker-row">
<div class="cc">
<button type="button" id="cc-button" aria-haspopup="listbox" aria-expanded="false" aria-controls="cc-list" aria-label="Country calling code">+1</button>
<ul id="cc-list" role="listbox" aria-label="Countries" hidden>
${items((c) => `<li role="option" id="cc-${e(c.iso)}" aria-selected="${c.iso === DEFAULT_COUNTRY}">${e(c.name)} ${e(c.dial)}</li>`)}
</ul>
</div>
<input id="phone" type="tel" name="phone" inputmode="tel" placeholder="555 123 4567">
</div>`;

function inputOtp(service: Service): string {
  const slots = Array.from({ length: service.codeLength }, () => '<div class="otp-slot"></div>');
  return `<p id="code-label">Verification code</p>
<div class="otp-wrap">
<div class="otp-slots" aria-hidden="true">${slots.join('')}</div>
<input id="code" aria-labelledby="code-label" autocomplete="one-time-code" inputmode="numeric" maxlength="${e(service.codeLength)}" pattern="^\\d+$" data-input-otp>
</div>`;
}

const CSS = `<style>
.row{display:flex;gap:8px;align-items:center}.short{max-width:6rem}
.iti,.PhoneInput,.picker-row{display:flex;gap:8px;align-items:center;position:relative}
.iti__country-container,.PhoneInputCountry,.cc{position:relative;flex:none}
.iti__country-list,#cc-list{position:absolute;z-index:5;top:100%;left:0;max-height:12rem;overflow:auto;
margin:0;padding:4px 0;list-style:none;background:var(--card);border:1px solid var(--border);min-width:14rem}
.iti__country-list li,#cc-list li{padding:4px 10px;cursor:pointer}
.PhoneInputCountrySelect{position:absolute;inset:0;opacity:0;cursor:pointer}
.PhoneInputCountryIcon{padding:10px;border:1px solid var(--border);border-radius:6px}
.otp-wrap{position:relative;margin-top:8px}
.otp-slots{display:flex;gap:8px}.otp-slot{flex:1;height:3rem;border:1px solid var(--border);border-radius:6px;
display:flex;align-items:center;justify-content:center;font-size:1.4rem}
.otp-wrap input{position:absolute;inset:0;opacity:0;width:100%;height:100%}
iframe.form{width:100%;height:620px;border:0}
</style>`;

const DIALS = `var COUNTRIES = ${JSON.stringify(COUNTRIES).replace(/</g, '\\u003c')};\n`;

function phoneStep(name: WidgetName): string {
  switch (name) {
    case 'select-dial':
      return countrySelect('Country code', 'dial');
    case 'select-iso':
      return countrySelect('Country', 'iso');
    case 'select-name':
      return countrySelect('Country', 'name');
    case 'dial-input':
      return DIAL_INPUT;
    case 'intl-tel':
      return INTL_TEL;
    case 'react-phone':
      return REACT_PHONE;
    case 'listbox':
      return LISTBOX;
    default:
      return PLAIN_PHONE;
  }
}

/**
 * The shadow pages render their card into an open shadow root, held by a custom element or by a
 * plain div the page's script attaches it to; status stays in the page.
 */
function shadowMain(service: Service, host: 'custom' | 'div'): string {
  const card = formsMain(service, PLAIN_PHONE, SINGLE_CODE(service))
    .replace(/<div id="error"[\s\S]*$/, '</main>')
    .replace('<main class="card">', '<div class="card-body">')
    .replace(/<\/main>$/, '</div>');
  return `<main class="card">
<template id="card-template"><style>${'label,input,button{display:block;margin:6px 0}'}</style>${card}</template>
${host === 'custom' ? '<signup-card></signup-card>' : '<div data-card-host></div>'}
<div id="error" class="error" role="alert"></div>
<p id="status" class="status" role="status"></p>
</main>`;
}

export function renderWidget(service: Service, name: WidgetName): string {
  const title = `Sign up (${WIDGETS[name]})`;
  const script = CLIENT_COMMON + DIALS + (WIDGET_SCRIPTS[name] ?? '') + CLIENT_WIDGET_FLOW;
  if (name === 'iframe') {
    const main = `<main class="card">${intro(service)}
<iframe class="form" src="${e(IFRAME_FORM_PATH)}" title="Sign-up form"></iframe>
</main>`;
    return layout(service, { title, current: 'widgets', main: CSS + main });
  }
  if (name === 'shadow' || name === 'shadow-div') {
    const main = shadowMain(service, name === 'shadow' ? 'custom' : 'div');
    return layout(service, { title, current: 'widgets', main: CSS + main, script });
  }
  const code = name === 'input-otp' ? inputOtp(service) : SINGLE_CODE(service);
  const main = formsMain(service, phoneStep(name), code);
  return layout(service, { title, current: 'widgets', main: CSS + main, script });
}

/** The page inside the iframe: the plain form, with its own status line. */
export function renderIframeForm(service: Service): string {
  return layout(service, {
    title: 'Sign-up form',
    main: formsMain(service, PLAIN_PHONE, SINGLE_CODE(service)),
    script: CLIENT_COMMON + DIALS + (WIDGET_SCRIPTS.iframe ?? '') + CLIENT_WIDGET_FLOW,
  });
}

export function renderWidgetIndex(service: Service): string {
  const links = (Object.keys(WIDGETS) as WidgetName[])
    .map((n) => `<li><a href="${e(widgetPath(n))}">${e(WIDGETS[n])}</a></li>`)
    .join('\n');
  return layout(service, {
    title: 'Widgets',
    current: 'widgets',
    main: `<main class="card">${intro(service)}
<h2>Phone and code widgets</h2>
<p class="muted">The same sign-up, built the way different sites build their phone and code fields.</p>
<ul>${links}</ul>
</main>`,
  });
}
