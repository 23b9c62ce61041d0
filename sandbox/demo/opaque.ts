// A signup page no field detector can read: two bare text boxes whose labels, names and
// attributes say nothing about a phone or a code. The user points the extension at them by
// hand (context menu, shortcut); the e2e test for manual fill runs here.
import { CLIENT_COMMON } from './client-common.ts';
import { escapeHtml as e } from './http-util.ts';
import { layout } from './pages.ts';
import type { Service } from './services.ts';

export const OPAQUE_PATH = '/signup/opaque';

const CLIENT_OPAQUE = String.raw`
function valueA() { return normalizePhone(byId('f1').value); }
byId('step-a').addEventListener('submit', async function (event) {
  event.preventDefault();
  clearError();
  var result = await postJson('/api/send-code', { phone: valueA() });
  if (!result.ok) { showError(result.error); return; }
  showStatus('Sent');
});
byId('step-b').addEventListener('submit', async function (event) {
  event.preventDefault();
  clearError();
  var result = await postJson('/api/verify', { phone: valueA(), code: cleanCode(byId('f2').value) });
  if (!result.ok) { showError(result.error); return; }
  showStatus('Verified');
});
`;

export function renderOpaque(service: Service): string {
  return layout(service, {
    title: 'Sign up',
    main: `<main class="card">
<h1>Join ${e(service.name)}</h1>
<form id="step-a" novalidate>
<label for="f1">Field A</label>
<input id="f1" name="a" type="text" autocomplete="off">
<button type="submit" class="primary">Next</button>
</form>
<form id="step-b" novalidate>
<label for="f2">Field B</label>
<input id="f2" name="b" type="text" autocomplete="off">
<button type="submit" class="primary">Done</button>
</form>
<div id="error" class="error" role="alert"></div>
<p id="status" class="status" role="status"></p>
</main>`,
    script: CLIENT_COMMON + CLIENT_OPAQUE,
  });
}
