// Priority lists: keyboard shortcuts on the comparison page, on top of plain forms that work
// without JavaScript. 1 or the left arrow chooses the first option, 2 or the right arrow the
// second, 0 or N says "can't decide" (with the reason ticked, if any). Keys typed into a form
// field, or pressed with a modifier, are left alone.
'use strict';

(function () {
  var sent = false;

  function isTyping(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    if (tag === 'textarea' || tag === 'select' || target.isContentEditable) { return true; }
    if (tag === 'input') {
      var type = (target.getAttribute('type') || 'text').toLowerCase();
      return type !== 'radio' && type !== 'checkbox';
    }
    return false;
  }

  function press(selector) {
    var button = document.querySelector(selector);
    if (!button || sent) { return false; }
    sent = true;
    // Clicking the button submits its form with the button's own name and value, as a
    // mouse click would; the form is sent once.
    button.click();
    return true;
  }

  function onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (isTyping(event.target)) { return; }
    var key = event.key;
    // Arrow keys move between the reasons' radio buttons; they choose only elsewhere.
    var onRadio = event.target && event.target.type === 'radio';
    if (onRadio && (key === 'ArrowLeft' || key === 'ArrowRight')) { return; }
    var done = false;
    if (key === '1' || key === 'ArrowLeft') {
      done = press('[data-pair-form] [data-choice="left"]');
    } else if (key === '2' || key === 'ArrowRight') {
      done = press('[data-pair-form] [data-choice="right"]');
    } else if (key === '0' || key === 'n' || key === 'N') {
      done = press('[data-undecided-form] [data-choice="neither"]');
    }
    if (done) { event.preventDefault(); }
  }

  function start() {
    var form = document.querySelector('[data-pair-form]');
    if (!form) { return; }
    var hint = document.getElementById('keyboard-hint');
    if (hint) { hint.hidden = false; }
    // A second click while the first is on its way would be answered as a replay anyway;
    // disabling the buttons shows that the choice is being sent.
    document.querySelectorAll('[data-pair-form], [data-undecided-form]').forEach(function (each) {
      each.addEventListener('submit', function () {
        sent = true;
        window.setTimeout(function () {
          document.querySelectorAll('[data-pair-form] button, [data-undecided-form] button').forEach(function (button) {
            button.disabled = true;
          });
        }, 0);
      });
    });
    document.addEventListener('keydown', onKey);
    // Coming back to this page from the history shows it as it was left: usable again.
    window.addEventListener('pageshow', function (event) {
      if (!event.persisted) { return; }
      sent = false;
      document.querySelectorAll('[data-pair-form] button, [data-undecided-form] button').forEach(function (button) {
        button.disabled = false;
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
