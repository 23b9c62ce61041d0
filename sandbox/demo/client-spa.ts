// Browser script for /signup/spa: a two-step single-page app that renders into #app by
// replacing the DOM (like a framework) and pushState-s to /signup/spa/verify for step 2.
// Inputs behave like React-controlled inputs: app state changes ONLY from `input` events,
// and, like React's value tracker, an `input` event after a plain `el.value = ...` is ignored
// (the instance setter records the value, so the event looks like "no change"). Filling
// works with real typing, Playwright fill(), or the native HTMLInputElement value setter
// followed by an `input` event - exactly what works on a real React page.

export const CLIENT_SPA = String.raw`
(function () {
  var root = byId('app');
  var siteName = document.body.getAttribute('data-site-name');
  var BASE = '/signup/spa';
  var VERIFY = '/signup/spa/verify';
  var nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  var state = { step: 'phone', phone: '', code: '', sentPhone: '', busy: false };

  function h(tag, props) {
    var el = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (key === 'text') el.textContent = value;
      else if (key.indexOf('on') === 0) el.addEventListener(key.slice(2), value);
      else if (value === true) el.setAttribute(key, '');
      else if (value !== false && value != null) el.setAttribute(key, value);
    });
    for (var i = 2; i < arguments.length; i++) if (arguments[i]) el.appendChild(arguments[i]);
    return el;
  }

  // A controlled input bound to state[key], with React's value-tracker semantics.
  function controlled(key, props) {
    var el = h('input', props);
    nativeValue.set.call(el, state[key]);
    var tracked = state[key];
    Object.defineProperty(el, 'value', {
      configurable: true,
      get: function () { return nativeValue.get.call(this); },
      set: function (v) { tracked = String(v); nativeValue.set.call(this, v); }
    });
    el.addEventListener('input', function () {
      var now = nativeValue.get.call(el);
      if (now === tracked) return;
      tracked = now;
      state[key] = now;
    });
    return el;
  }

  function header() {
    return h('div', null,
      h('div', { class: 'logo', 'aria-hidden': 'true', text: siteName.charAt(0) }),
      h('h1', { text: 'Create your ' + siteName + ' account' }));
  }

  function phoneView() {
    return h('div', { 'data-step': 'phone' }, header(),
      h('p', { class: 'muted', text: 'Enter your phone number and we will text you a verification code.' }),
      h('form', { id: 'phone-form', novalidate: true, onsubmit: onSendCode },
        h('label', { for: 'phone', text: 'Phone number' }),
        controlled('phone', { id: 'phone', type: 'tel', name: 'phone', autocomplete: 'tel',
          placeholder: '+1 555 123 4567' }),
        h('button', { type: 'submit', class: 'primary', text: 'Send code' })));
  }

  function verifyView() {
    return h('div', { 'data-step': 'verify' }, header(),
      h('h2', { text: 'Enter the code' }),
      h('p', { id: 'sent-to', class: 'sent', text: 'We sent a code to ' + state.sentPhone }),
      h('form', { id: 'code-form', novalidate: true, onsubmit: onVerify },
        h('label', { for: 'code', text: 'Verification code' }),
        controlled('code', { id: 'code', name: 'code', type: 'text', autocomplete: 'one-time-code',
          inputmode: 'numeric', placeholder: document.body.getAttribute('data-code-length') + '-digit code' }),
        h('button', { type: 'submit', class: 'primary', text: 'Verify' })),
      h('p', { class: 'actions' },
        h('button', { type: 'button', id: 'resend', class: 'link', text: 'Resend code', onclick: onResend })));
  }

  function doneView() {
    return h('div', { class: 'done', 'data-step': 'done' }, header(),
      h('h2', { text: 'Your phone number is verified' }),
      h('p', { class: 'muted', text: state.sentPhone + ' is now linked to your ' + siteName + ' account.' }));
  }

  function render() {
    var view = state.step === 'verify' ? verifyView() : state.step === 'done' ? doneView() : phoneView();
    root.replaceChildren(view);
    document.title = (state.step === 'phone' ? 'Sign up' : state.step === 'verify' ? 'Verify your phone' : 'Verified') + ' - ' + siteName;
    var focus = root.querySelector('input');
    if (focus) focus.focus();
  }

  async function send(button) {
    if (state.busy) return null;
    state.busy = true;
    clearError();
    setBusy(button, true);
    var result = await postJson('/api/send-code', { phone: normalizePhone(state.phone) });
    state.busy = false;
    setBusy(button, false);
    if (!result.ok) { showError(result.error); return null; }
    return result;
  }

  async function onSendCode(event) {
    event.preventDefault();
    if (!normalizePhone(state.phone)) { clearError(); showError('Enter your phone number.'); return; }
    var result = await send(event.currentTarget.querySelector('button[type=submit]'));
    if (!result) return;
    state.sentPhone = result.phone;
    state.code = '';
    state.step = 'verify';
    history.pushState({ step: 'verify', phone: state.sentPhone }, '', VERIFY);
    render();
  }

  async function onResend(event) {
    state.phone = state.sentPhone;
    var result = await send(event.currentTarget);
    if (result) { state.code = ''; render(); }
  }

  async function onVerify(event) {
    event.preventDefault();
    if (state.busy) return;
    clearError();
    var code = cleanCode(state.code);
    if (!code) { showError('Enter the code we sent you.'); return; }
    var button = event.currentTarget.querySelector('button[type=submit]');
    state.busy = true;
    setBusy(button, true);
    var result = await postJson('/api/verify', { phone: state.sentPhone, code: code });
    state.busy = false;
    setBusy(button, false);
    if (!result.ok) { showError(result.error); return; }
    state.step = 'done';
    render();
    showStatus('Verified');
  }

  function fromLocation() {
    clearError();
    showStatus('');
    var s = history.state;
    if (location.pathname.replace(/\/$/, '') === VERIFY) {
      if (s && s.phone) {
        state.sentPhone = s.phone;
        state.phone = s.phone;
        state.code = '';
        state.step = 'verify';
      } else {
        history.replaceState(null, '', BASE);
        state.step = 'phone';
      }
    } else {
      state.step = 'phone';
    }
    render();
  }

  window.addEventListener('popstate', fromLocation);
  fromLocation();
})();
`;
