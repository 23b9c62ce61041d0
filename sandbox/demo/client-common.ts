// Browser-side helpers shared by every demo page (plain JS, inlined into the HTML).
// Kept free of backticks and template placeholders so it can live in a TS template string.

export const CLIENT_COMMON = String.raw`
function byId(id) { return document.getElementById(id); }

function normalizePhone(raw) {
  var s = String(raw || '').trim().replace(/[\s().\-\u00a0]/g, '');
  if (s.indexOf('00') === 0) s = '+' + s.slice(2);
  return s;
}

function cleanCode(raw) { return String(raw || '').replace(/[\s\-\u00a0]/g, ''); }

function showError(message) { var el = byId('error'); if (el) el.textContent = message; }
function clearError() { showError(''); }
function showStatus(message) { var el = byId('status'); if (el) el.textContent = message; }

function setBusy(button, busy) {
  if (!button) return;
  button.disabled = busy;
  if (busy) button.setAttribute('aria-busy', 'true'); else button.removeAttribute('aria-busy');
}

async function postJson(path, body) {
  var res;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
  } catch (e) {
    return { ok: false, error: 'Network error. Check your connection and try again.' };
  }
  var data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (res.ok && data && data.ok) return data;
  var message = data && typeof data.error === 'string' ? data.error
    : 'Something went wrong (HTTP ' + res.status + '). Try again.';
  return { ok: false, error: message, reason: data && data.reason };
}
`;
