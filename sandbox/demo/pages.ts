// HTML for the five signup page styles and the 404/405 pages. Every interpolated value
// goes through escapeHtml; the client scripts are static strings.
import { CLIENT_COMMON } from './client-common.ts';
import { CLIENT_FORMS } from './client-forms.ts';
import { CLIENT_SPA } from './client-spa.ts';
import { CLIENT_SPLIT } from './client-split.ts';
import { COUNTRIES, DEFAULT_COUNTRY, RESTRICTED_COUNTRIES } from './countries.ts';
import { escapeHtml as e } from './http-util.ts';
import type { Service } from './services.ts';
import { paletteFor, stylesheet } from './theme.ts';

export type PageStyle = 'plain' | 'country' | 'restricted' | 'split' | 'spa';

/** The gallery of phone and code widgets (widgets.ts). */
export const WIDGETS_PATH = '/widgets';

export const PAGE_PATHS: Readonly<Record<PageStyle, string>> = {
  plain: '/',
  country: '/signup/country',
  restricted: '/signup/restricted',
  split: '/signup/split',
  spa: '/signup/spa',
};

const NAV: ReadonlyArray<[PageStyle, string]> = [
  ['plain', 'Plain'],
  ['country', 'Country picker'],
  ['restricted', 'Restricted countries'],
  ['split', 'Split code boxes'],
  ['spa', 'Single-page app'],
];

export interface LayoutOptions {
  title: string;
  current?: PageStyle | 'widgets';
  main: string;
  script?: string;
}

export function layout(service: Service, o: LayoutOptions): string {
  const nav = NAV.map(([style, label]) => {
    const current = style === o.current ? ' aria-current="page"' : '';
    return `<a href="${e(PAGE_PATHS[style])}"${current}>${e(label)}</a>`;
  })
    .concat(
      `<a href="${e(WIDGETS_PATH)}"${o.current === 'widgets' ? ' aria-current="page"' : ''}>Widgets</a>`,
    )
    .join('');
  const script = o.script ? `<script>\n"use strict";\n${o.script}\n</script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${e(o.title)} - ${e(service.name)}</title>
<style>${stylesheet(paletteFor(service.color))}</style>
</head>
<body data-site="${e(service.key)}" data-site-name="${e(service.name)}" data-code-length="${e(service.codeLength)}">
<header class="top"><nav aria-label="Signup page styles">${nav}</nav></header>
${o.main}
<footer>Demo signup page for ${e(service.name)}, served by the local SMS sandbox. Not affiliated with ${e(service.name)}.</footer>
${script}
</body>
</html>`;
}

export function intro(service: Service): string {
  return `<div class="logo" aria-hidden="true">${e(service.name.charAt(0))}</div>
<h1>Create your ${e(service.name)} account</h1>
<p class="muted">Enter your phone number and we will text you a verification code.</p>`;
}

export const PLAIN_PHONE = `<label for="phone">Phone number</label>
<input id="phone" type="tel" name="phone" autocomplete="tel" placeholder="+1 555 123 4567" required>`;

function countryPhone(): string {
  const options = COUNTRIES.map((c) => {
    const selected = c.iso === DEFAULT_COUNTRY ? ' selected' : '';
    return `<option value="${e(c.dial)}" data-iso="${e(c.iso)}"${selected}>${e(c.name)} (${e(c.dial)})</option>`;
  }).join('\n');
  return `<label for="country">Country code</label>
<select id="country" name="country" autocomplete="tel-country-code">
${options}
</select>
<label for="national">Phone number</label>
<input id="national" type="tel" name="national" autocomplete="tel-national" inputmode="tel" placeholder="555 123 4567" required>`;
}

/**
 * A country selector that lists only the countries the site takes numbers from, the way many
 * real signups write it: ISO codes as values, flag, name and dial code as text, a prompt first
 * and the dial code in a data attribute for the page's own script.
 */
function restrictedPhone(): string {
  const flag = (iso: string) =>
    String.fromCodePoint(...[...iso].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
  const listed = COUNTRIES.filter((c) => RESTRICTED_COUNTRIES.includes(c.iso));
  const options = listed
    .map(
      (c) =>
        `<option value="${e(c.iso)}" data-dial="${e(c.dial)}">${flag(c.iso)} ${e(c.name)} (${e(c.dial)})</option>`,
    )
    .join('\n');
  return `<p class="muted">We currently accept phone numbers from the UK, the EU countries below, the US and Canada.</p>
<label for="country">Country</label>
<select id="country" name="phone_country" autocomplete="tel-country-code" required>
<option value="">Select your country</option>
${options}
</select>
<label for="national">Mobile number</label>
<input id="national" type="tel" name="national" autocomplete="tel-national" inputmode="tel" placeholder="7400 123456" required>`;
}

export const SINGLE_CODE = (
  service: Service,
): string => `<label for="code">Verification code</label>
<input id="code" type="text" name="code" autocomplete="one-time-code" inputmode="numeric" placeholder="${e(service.codeLength)}-digit code">`;

export function splitCode(service: Service): string {
  const boxes: string[] = [];
  for (let i = 1; i <= service.codeLength; i++) {
    const ac = i === 1 ? 'one-time-code' : 'off';
    boxes.push(
      `<input id="digit-${i}" name="digit${i}" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="1" autocomplete="${ac}" aria-label="Digit ${i}">`,
    );
  }
  return `<div id="digits" class="digits" role="group" aria-label="Verification code">
${boxes.join('\n')}
</div>`;
}

export function formsMain(service: Service, phoneStep: string, codeStep: string): string {
  return `<main class="card">
${intro(service)}
<form id="phone-form" novalidate>
${phoneStep}
<p id="phone-error" class="error field-error" hidden></p>
<button type="submit" class="primary">Send code</button>
</form>
<section id="code-step" aria-labelledby="code-step-title" hidden>
<h2 id="code-step-title">Enter the code</h2>
<p id="sent-to" class="sent"></p>
<form id="code-form" novalidate>
${codeStep}
<button type="submit" class="primary">Verify</button>
</form>
<p class="actions"><button type="button" id="resend" class="link">Resend code</button></p>
</section>
<section id="done" class="done" hidden>
<h2>Your phone number is verified</h2>
<p class="muted">You can now finish creating your ${e(service.name)} account.</p>
</section>
<div id="error" class="error" role="alert"></div>
<p id="status" class="status" role="status"></p>
</main>`;
}

export function renderPage(service: Service, style: PageStyle): string {
  switch (style) {
    case 'plain':
      return layout(service, {
        title: 'Sign up',
        current: style,
        main: formsMain(service, PLAIN_PHONE, SINGLE_CODE(service)),
        script: CLIENT_COMMON + CLIENT_FORMS,
      });
    case 'country':
      return layout(service, {
        title: 'Sign up',
        current: style,
        main: formsMain(service, countryPhone(), SINGLE_CODE(service)),
        script: CLIENT_COMMON + CLIENT_FORMS,
      });
    case 'restricted':
      return layout(service, {
        title: 'Sign up',
        current: style,
        main: formsMain(service, restrictedPhone(), SINGLE_CODE(service)),
        script: CLIENT_COMMON + CLIENT_FORMS,
      });
    case 'split':
      return layout(service, {
        title: 'Sign up',
        current: style,
        main: formsMain(service, PLAIN_PHONE, splitCode(service)),
        script: CLIENT_COMMON + CLIENT_FORMS + CLIENT_SPLIT,
      });
    case 'spa':
      return layout(service, {
        title: 'Sign up',
        current: style,
        main: `<main class="card">
<div id="app"><noscript>This sign-up page needs JavaScript.</noscript></div>
<div id="error" class="error" role="alert"></div>
<p id="status" class="status" role="status"></p>
</main>`,
        script: CLIENT_COMMON + CLIENT_SPA,
      });
  }
}

export function renderNotFound(service: Service, path: string): string {
  const links = NAV.map(
    ([style, label]) => `<li><a href="${e(PAGE_PATHS[style])}">${e(label)}</a></li>`,
  ).join('');
  return layout(service, {
    title: 'Page not found',
    main: `<main class="card">
<h1>Page not found</h1>
<p>There is no page at <code>${e(path.slice(0, 200))}</code> on this demo site.</p>
<p>Try one of the signup pages:</p>
<ul>${links}</ul>
</main>`,
  });
}

export function renderMethodNotAllowed(service: Service, method: string, allow: string): string {
  return layout(service, {
    title: 'Method not allowed',
    main: `<main class="card">
<h1>Method not allowed</h1>
<p>${e(method.slice(0, 20))} is not supported here. Allowed: ${e(allow)}.</p>
</main>`,
  });
}
