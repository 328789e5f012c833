// Common Ground pages: small enhancements on top of pages that work without JavaScript.
// Voting without a reload and with the keys A, D and P; a live character count; the report
// updating itself when a new analysis is stored; printing; selecting a page of statements.
'use strict';

(function () {
  var announcer = null;

  function announce(text) {
    if (!announcer) {
      announcer = document.createElement('div');
      announcer.className = 'visually-hidden';
      announcer.setAttribute('role', 'status');
      announcer.setAttribute('aria-live', 'polite');
      document.body.appendChild(announcer);
    }
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  // Replaces the page's main content with that of a freshly rendered page.
  function swapMain(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html');
    var next = fresh.querySelector('main');
    var current = document.querySelector('main');
    if (!next || !current) { return false; }
    current.innerHTML = next.innerHTML;
    ['class', 'data-version', 'data-page', 'data-events'].forEach(function (name) {
      var value = next.getAttribute(name);
      if (value === null) { current.removeAttribute(name); } else { current.setAttribute(name, value); }
    });
    if (fresh.title) { document.title = fresh.title; }
    enhance();
    return true;
  }

  function focusQuietly(element) {
    if (!element) { return; }
    if (!element.hasAttribute('tabindex')) { element.setAttribute('tabindex', '-1'); }
    element.focus({ preventScroll: false });
  }

  function enhanceVoting() {
    var form = document.querySelector('[data-vote-form]');
    var hint = document.querySelector('.keyboard-hint');
    if (hint) { hint.hidden = false; }
    if (!form || form.dataset.enhanced) { return; }
    form.dataset.enhanced = 'yes';
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = event.submitter;
      var body = new URLSearchParams(new FormData(form));
      if (button && button.name) { body.set(button.name, button.value); }
      var buttons = form.querySelectorAll('button');
      buttons.forEach(function (b) { b.disabled = true; });
      fetch(form.action, {
        method: 'POST',
        body: body,
        credentials: 'same-origin',
        headers: { 'Accept': 'text/html' }
      }).then(function (response) {
        return response.text().then(function (html) { return { ok: response.ok, html: html }; });
      }).then(function (result) {
        if (!swapMain(result.html)) { throw new Error('unexpected answer'); }
        var progress = document.querySelector('#progress-text');
        // The page says "Vote recorded." in its own language on the form.
        var recorded = result.ok ? (form.getAttribute('data-recorded') || '') + ' ' : '';
        announce(recorded + (progress ? progress.textContent : ''));
        focusQuietly(document.querySelector('#statement-text') || document.querySelector('main h2') || document.querySelector('main'));
      }).catch(function () {
        // Fall back to an ordinary form post, which records the vote and reloads the page.
        buttons.forEach(function (b) { b.disabled = false; });
        if (button && button.name) {
          var hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = button.name;
          hidden.value = button.value;
          form.appendChild(hidden);
        }
        HTMLFormElement.prototype.submit.call(form);
      });
    });
  }

  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var main = document.querySelector('main');
    if (!main || main.getAttribute('data-page') !== 'vote') { return; }
    var key = (event.key || '').toLowerCase();
    var button = document.querySelector('[data-vote-form] button[data-key="' + key + '"]');
    if (!button || button.disabled) { return; }
    event.preventDefault();
    var form = button.form;
    if (form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
  }

  function enhanceCounters() {
    document.querySelectorAll('textarea[data-count]').forEach(function (area) {
      if (area.dataset.enhanced) { return; }
      area.dataset.enhanced = 'yes';
      var output = document.getElementById(area.getAttribute('data-count'));
      var max = area.getAttribute('maxlength');
      // The page gives the counter's words in its own language, with {used} to fill in.
      var format = area.getAttribute('data-count-format');
      var update = function () {
        var used = Array.from(area.value).length;
        if (!output) { return; }
        output.textContent = format ? format.replace('{used}', String(used)) : used + ' of ' + max + ' characters';
      };
      area.addEventListener('input', update);
      update();
    });
  }

  function enhanceReport() {
    var print = document.querySelector('[data-print]');
    if (print && !print.dataset.enhanced) {
      print.dataset.enhanced = 'yes';
      print.hidden = false;
      print.addEventListener('click', function () { window.print(); });
    }
    // The live update of the report (and of the presenter view) is in the block at the end.
  }

  function enhanceModeration() {
    var button = document.querySelector('[data-select-all]');
    if (!button || button.dataset.enhanced) { return; }
    button.dataset.enhanced = 'yes';
    button.parentElement.hidden = false;
    button.addEventListener('click', function () {
      document.querySelectorAll('.row-check').forEach(function (box) { box.checked = true; });
    });
  }

  function enhance() {
    enhanceVoting();
    enhanceCounters();
    enhanceReport();
    enhanceModeration();
  }

  document.addEventListener('keydown', onKey);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhance);
  } else {
    enhance();
  }
}());

/* ---- live: pages that update in place (the report, the presenter and facilitator views) ---- */
// A page whose <main> names an event stream (data-events) fetches itself again when a newer
// analysis is announced, and, with data-poll, every few seconds as well. Only what changed is
// touched: text nodes and attributes are updated where they stand, so the focused element,
// open details, ticked boxes and the scroll position stay as they were, and nothing happens
// at all when the fresh page is the same.
(function () {
  var main = document.querySelector('main');
  if (!main || !main.getAttribute('data-events') || !window.fetch) { return; }

  var status = null;
  function tell(text) {
    if (!status) {
      status = document.createElement('div');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      status.setAttribute('aria-live', 'polite');
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  // Attributes the script sets on the open page, which the fresh page does not know about.
  function keepsAttribute(element, name) {
    if (name === 'open' && element.tagName === 'DETAILS') { return true; }
    if (element.hasAttribute('data-enhanced') && (name === 'hidden' || name === 'data-enhanced')) { return true; }
    if (name === 'value' && element === document.activeElement) { return true; }
    return false;
  }

  function syncAttributes(current, fresh) {
    var changed = false;
    Array.from(current.attributes).forEach(function (attribute) {
      if (!fresh.hasAttribute(attribute.name) && !keepsAttribute(current, attribute.name)) {
        current.removeAttribute(attribute.name);
        changed = true;
      }
    });
    Array.from(fresh.attributes).forEach(function (attribute) {
      if (current.getAttribute(attribute.name) !== attribute.value && !keepsAttribute(current, attribute.name)) {
        current.setAttribute(attribute.name, attribute.value);
        changed = true;
      }
    });
    return changed;
  }

  function alike(current, fresh) {
    if (current.nodeType !== fresh.nodeType || current.nodeName !== fresh.nodeName) { return false; }
    if (current.nodeType === 1 && (current.id || fresh.id)) { return current.id === fresh.id; }
    return true;
  }

  // Makes `current` hold what `fresh` holds, changing as little as it can; returns how many
  // nodes changed.
  function morph(current, fresh) {
    var changed = 0;
    if (current.nodeType === 3 || current.nodeType === 8) {
      if (current.nodeValue !== fresh.nodeValue) { current.nodeValue = fresh.nodeValue; changed += 1; }
      return changed;
    }
    if (current.nodeType !== 1) { return changed; }
    if (syncAttributes(current, fresh)) { changed += 1; }
    var wanted = Array.from(fresh.childNodes);
    wanted.forEach(function (want, index) {
      var have = current.childNodes[index];
      if (want.nodeType === 1 && want.id && (!have || have.id !== want.id)) {
        var keyed = document.getElementById(want.id);
        if (keyed && keyed.parentNode === current) {
          current.insertBefore(keyed, have || null);
          have = keyed;
        }
      }
      if (!have) {
        current.appendChild(document.importNode(want, true));
        changed += 1;
      } else if (alike(have, want)) {
        changed += morph(have, want);
      } else {
        current.replaceChild(document.importNode(want, true), have);
        changed += 1;
      }
    });
    while (current.childNodes.length > wanted.length) {
      current.removeChild(current.lastChild);
      changed += 1;
    }
    return changed;
  }

  var busy = false;
  var again = false;

  function refresh(announce) {
    if (busy) { again = true; return; }
    busy = true;
    fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
        var current = document.querySelector('main');
        if (!fresh || !current || fresh.getAttribute('data-events') !== current.getAttribute('data-events')) { return; }
        var focused = document.activeElement;
        var focusedId = focused && focused.id;
        var x = window.scrollX;
        var y = window.scrollY;
        var changed = morph(current, fresh);
        if (!changed) { return; }
        if (focused && focused !== document.activeElement && focusedId) {
          var target = document.getElementById(focusedId);
          if (target) { target.focus({ preventScroll: true }); }
        }
        if (window.scrollX !== x || window.scrollY !== y) { window.scrollTo(x, y); }
        if (announce) { tell(announce); }
      })
      .catch(function () { /* The next event or poll tries again. */ })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(null); }
      });
  }

  if (window.EventSource) {
    var source = new EventSource(main.getAttribute('data-events'));
    source.addEventListener('snapshot', function (event) {
      var shown = Number(document.querySelector('main').getAttribute('data-version') || '0');
      // The page says the announcement in its own language.
      var updated = main.getAttribute('data-updated-words') || 'The results have been updated with new votes.';
      if (Number(event.data) > shown) { refresh(updated); }
    });
  }
  var poll = Number(main.getAttribute('data-poll') || '0');
  if (poll > 0) {
    window.setInterval(function () {
      if (!document.hidden) { refresh(null); }
    }, poll * 1000);
  }
}());
