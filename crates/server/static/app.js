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
    ['data-version', 'data-page', 'data-events'].forEach(function (name) {
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
        announce((result.ok ? 'Vote recorded. ' : '') + (progress ? progress.textContent : ''));
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
      var update = function () {
        var used = Array.from(area.value).length;
        if (output) { output.textContent = used + ' of ' + max + ' characters'; }
      };
      area.addEventListener('input', update);
      update();
    });
  }

  var source = null;

  function enhanceReport() {
    var main = document.querySelector('main');
    var print = document.querySelector('[data-print]');
    if (print && !print.dataset.enhanced) {
      print.dataset.enhanced = 'yes';
      print.hidden = false;
      print.addEventListener('click', function () { window.print(); });
    }
    if (!main || !main.getAttribute('data-events') || source || !window.EventSource) { return; }
    source = new EventSource(main.getAttribute('data-events'));
    var refreshing = false;
    source.addEventListener('snapshot', function (event) {
      var shown = Number(document.querySelector('main').getAttribute('data-version') || '0');
      var stored = Number(event.data);
      if (!(stored > shown) || refreshing) { return; }
      refreshing = true;
      fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var opened = Array.from(document.querySelectorAll('details[open]')).map(function (d) {
            return d.className;
          });
          swapMain(html);
          document.querySelectorAll('details').forEach(function (d) {
            if (opened.indexOf(d.className) >= 0) { d.open = true; }
          });
          announce('The results have been updated with new votes.');
        })
        .catch(function () { /* The next event tries again. */ })
        .then(function () { refreshing = false; });
    });
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
