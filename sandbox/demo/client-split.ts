// Browser script for the split code boxes on /signup/split: typing advances, Backspace goes
// back, arrows move, pasting (or an autofill of the whole code into one box) fills them all.
// No auto-submit: the Verify button submits.

export const CLIENT_SPLIT = String.raw`
(function () {
  var boxes = Array.prototype.slice.call(byId('digits').querySelectorAll('input'));

  function fillFrom(start, digits) {
    var i = start;
    for (var k = 0; k < digits.length && i < boxes.length; k++, i++) boxes[i].value = digits[k];
    boxes[Math.min(i, boxes.length - 1)].focus();
  }

  boxes.forEach(function (box, index) {
    box.addEventListener('focus', function () { box.select(); });

    box.addEventListener('input', function () {
      var digits = box.value.replace(/\D/g, '');
      if (digits.length === 0) { box.value = ''; return; }
      if (digits.length === 1) {
        box.value = digits;
        if (index < boxes.length - 1) boxes[index + 1].focus();
        return;
      }
      // Several digits landed in one box (autofill, a script, a long key sequence).
      var start = digits.length >= boxes.length ? 0 : index;
      fillFrom(start, digits);
    });

    box.addEventListener('keydown', function (event) {
      if (event.key === 'Backspace' && box.value === '' && index > 0) {
        event.preventDefault();
        boxes[index - 1].value = '';
        boxes[index - 1].focus();
      } else if (event.key === 'ArrowLeft' && index > 0) {
        event.preventDefault();
        boxes[index - 1].focus();
      } else if (event.key === 'ArrowRight' && index < boxes.length - 1) {
        event.preventDefault();
        boxes[index + 1].focus();
      }
    });

    box.addEventListener('paste', function (event) {
      var text = event.clipboardData ? event.clipboardData.getData('text') : '';
      var digits = text.replace(/\D/g, '');
      if (!digits) return;
      event.preventDefault();
      fillFrom(digits.length >= boxes.length ? 0 : index, digits);
    });
  });
})();
`;
