// Shared helpers of the browser tests: launching Debian's Chromium, accessibility checks with
// axe-core, screenshots at phone and desktop sizes, and the server's address and account.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
export const EMAIL = process.env.E2E_EMAIL ?? 'e2e@example.org';
export const PASSWORD = process.env.E2E_PASSWORD ?? '';
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(here, '..', 'screenshots');

export const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launch() {
  return chromium.launch(LAUNCH);
}

/** Opens a fresh browser context (its own cookies: a separate person or device). */
export async function newPerson(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: DESKTOP, ...options });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') { problems.push(`console error: ${message.text()}`); }
  });
  return { context, page, problems };
}

/**
 * Runs axe-core on the page and fails on any serious or critical violation of WCAG 2.1 A/AA
 * or of axe's best practices. axe is evaluated through the DevTools protocol, so the page's
 * Content-Security-Policy, which forbids inline scripts, stays in force.
 */
export async function checkAccessibility(page, name) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.equal(serious.length, 0, `accessibility violations on ${name}:\n  ${described.join('\n  ')}`);
}

/**
 * Checks the page with axe-core and saves a full-page screenshot at phone and at desktop size,
 * checks that it does not scroll sideways on a 390 px phone, then restores the desktop size:
 * the routine for every page the tests visit.
 */
export async function review(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await checkAccessibility(page, `${name} (${size})`);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await assertFitsThePhone(page, name);
  assert.equal(await page.evaluate(() => window.__xss), undefined, `script ran on ${name}`);
}

/**
 * Fails when the page scrolls sideways on a 390 px phone, naming the elements that reach past
 * the viewport's right edge; restores the desktop size.
 */
export async function assertFitsThePhone(page, name) {
  await page.setViewportSize(PHONE);
  const { scrollWidth, innerWidth, overflowing } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const describe = (element) => {
      const classes = typeof element.className === 'string' && element.className
        ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes}`;
    };
    const wide = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      // The outermost offenders only: their children overflow with them.
      .filter((element) => !(element.parentElement?.getBoundingClientRect().right > width + 0.5))
      .slice(0, 5)
      .map((element) => `${describe(element)} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, overflowing: wide };
  });
  assert.ok(
    scrollWidth <= innerWidth,
    `${name} scrolls sideways at 390 px: ${scrollWidth} > ${innerWidth}; past the edge: ${overflowing.join(', ')}`,
  );
  await page.setViewportSize(DESKTOP);
}

/** Calls the JSON API as an unsigned client (a participant's token, if given); fails on an error. */
export async function api(path, { method = 'GET', token, body } = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A fresh browser context signed in as the test convenor through the API. */
export async function signedInConvenor(browser) {
  assert.ok(PASSWORD, 'E2E_PASSWORD must name the test convenor\'s password');
  const person = await newPerson(browser);
  const signedIn = await person.page.request.post('/api/session', { data: { email: EMAIL, password: PASSWORD } });
  assert.equal(signedIn.status(), 200, await signedIn.text());
  return person;
}

/** Waits (at most a minute) until the dialogue's stored analysis counts `votes` votes. */
export async function waitForAnalysis(request, dialogue, votes) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await request.get(`/api/dialogues/${dialogue}/analysis`);
    if (answer.ok() && (await answer.json()).n_votes === votes) { return; }
    assert.ok(Date.now() < deadline, 'the analysis of every vote appears within a minute');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
