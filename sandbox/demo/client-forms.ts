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

async function requestCode(phone, button) {
  clearError();
  setBusy(button, true);
  var result = await postJson('/api/send-code', { phone: phone });
  setBusy(button, false);
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
