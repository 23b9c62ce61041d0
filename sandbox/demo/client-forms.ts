// Browser script for the server-rendered pages (/, /signup/country, /signup/restricted,
// /signup/split):
// phone step -> POST /api/send-code -> reveal the code step -> POST /api/verify.
// The phone comes from #phone (plain, split) or #country + #national (country page);
// the code from #code or from the split boxes in #digits (see client-split.ts).

export const CLIENT_FORMS = String.raw`
var phoneForm = byId('phone-form');
var codeStep = byId('code-step');
var codeForm = byId('code-form');
var resendButton = byId('resend');
var sentPhone = null;
var verified = false;

function readPhone() {
  if (byId('country')) {
    // The restricted page's options carry ISO codes, with the dial code beside them.
    var select = byId('country');
    var chosen = select.options[select.selectedIndex];
    var dial = (chosen && chosen.getAttribute('data-dial')) || select.value;
    var national = byId('national').value.replace(/\D/g, '').replace(/^0/, '');
    return national ? dial + national : '';
  }
  return normalizePhone(byId('phone').value);
}

function digitBoxes() {
  var group = byId('digits');
  return group ? Array.prototype.slice.call(group.querySelectorAll('input')) : null;
}

function readCode() {
  var boxes = digitBoxes();
  if (boxes) return boxes.map(function (b) { return b.value; }).join('');
  return cleanCode(byId('code').value);
}

function resetCode() {
  var boxes = digitBoxes();
  if (boxes) { boxes.forEach(function (b) { b.value = ''; }); boxes[0].focus(); return; }
  byId('code').value = '';
  byId('code').focus();
}

// The site's own refusal of a number, shown inline on the phone field the way real signups
// do it: aria-invalid plus an error text the field is described by.
function phoneInput() { return byId('phone') || byId('national'); }
function showPhoneError(message) {
  var el = byId('phone-error');
  el.textContent = message;
  el.hidden = false;
  phoneInput().setAttribute('aria-invalid', 'true');
  phoneInput().setAttribute('aria-describedby', 'phone-error');
}
function clearPhoneError() {
  var el = byId('phone-error');
  if (!el) return;
  el.textContent = '';
  el.hidden = true;
  phoneInput().removeAttribute('aria-invalid');
  phoneInput().removeAttribute('aria-describedby');
}
// ?reject=ID,MY: the site refuses numbers of these countries (see sandbox/demo/rejects.ts).
var rejectFlag = new URLSearchParams(location.search).get('reject') || undefined;

async function requestCode(phone, button) {
  clearError();
  clearPhoneError();
  setBusy(button, true);
  var result = await postJson('/api/send-code', { phone: phone, reject: rejectFlag });
  setBusy(button, false);
  if (!result.ok && result.reason === 'number_rejected') { showPhoneError(result.error); return false; }
  if (!result.ok) { showError(result.error); return false; }
  sentPhone = result.phone || phone;
  byId('sent-to').textContent = 'We sent a code to ' + sentPhone;
  codeStep.hidden = false;
  resetCode();
  return true;
}

phoneForm.addEventListener('submit', async function (event) {
  event.preventDefault();
  if (verified) return;
  var phone = readPhone();
  if (!phone) {
    showError('Enter your phone number.');
    (byId('phone') || byId('national')).focus();
    return;
  }
  await requestCode(phone, phoneForm.querySelector('button[type=submit]'));
});

resendButton.addEventListener('click', async function () {
  if (!sentPhone || verified) return;
  await requestCode(sentPhone, resendButton);
});

codeForm.addEventListener('submit', async function (event) {
  event.preventDefault();
  if (verified || !sentPhone) return;
  clearError();
  var code = readCode();
  var length = Number(document.body.getAttribute('data-code-length')) || 6;
  if (!code) { showError('Enter the code we sent you.'); return; }
  if (digitBoxes() && code.length < length) {
    showError('Enter all ' + length + ' digits of the code.');
    return;
  }
  var button = codeForm.querySelector('button[type=submit]');
  setBusy(button, true);
  var result = await postJson('/api/verify', { phone: sentPhone, code: code });
  setBusy(button, false);
  if (!result.ok) { showError(result.error); return; }
  verified = true;
  phoneForm.hidden = true;
  codeStep.hidden = true;
  byId('done').hidden = false;
  showStatus('Verified');
  document.title = 'Verified - ' + document.body.getAttribute('data-site-name');
});
`;
