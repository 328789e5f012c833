// The live event mode: the presenter view, the facilitator view, the confirmation before
// closing and the QR poster, each checked with axe-core and photographed at phone and desktop
// sizes; then, while votes arrive through the API, the live report and the presenter view
// update their figures without moving keyboard focus or the reader's scroll position.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join as joinPath } from 'node:path';
import { BASE_URL, EMAIL, PASSWORD, PHONE, SCREENSHOTS, launch, newPerson, review } from './lib.mjs';

const QUESTION = 'How should the Northvale health fair spend its afternoon?';
const CONSTITUENCIES = ['Resident', 'Carer', 'Health worker'];
const STATEMENTS = [
  'Free blood pressure checks for everyone who comes',
  'A quiet room for people who find crowds hard',
  'Talks in the languages spoken in Northvale',
  'Stalls from every GP practice in the town',
  'Transport for people who cannot drive',
  'A place to ask about care at home',
];

let browser;
let convenor;
let dialogue;
let statements;
let joined = 0;

/** Joins the dialogue as a new participant through the API and returns their token. */
async function join(constituency) {
  const response = await fetch(`${BASE_URL}/api/dialogues/${dialogue}/participants`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ constituencies: constituency ? [constituency] : [] }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  joined += 1;
  return (await response.json()).token;
}

/** Votes through the API as the participant holding `token`. */
async function vote(token, statement, choice) {
  const response = await fetch(`${BASE_URL}/api/dialogues/${dialogue}/votes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ statement_id: statement, vote: choice }),
  });
  assert.equal(response.status, 200, await response.clone().text());
}

/** Brings `count` more participants who vote on every statement. */
async function moreVoters(count) {
  for (let person = 0; person < count; person += 1) {
    const token = await join(CONSTITUENCIES[(joined) % CONSTITUENCIES.length]);
    for (const [index, statement] of statements.entries()) {
      await vote(token, statement, (person + index) % 4 === 0 ? 'disagree' : 'agree');
    }
  }
}

/** Fails when the page is wider than its viewport (it would scroll sideways on a phone). */
async function assertNoSidewaysScroll(page, name) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  assert.ok(widths.scroll <= widths.viewport, `${name} is ${widths.scroll} px wide in ${widths.viewport} px`);
}

/**
 * Scrolls the page part way down, focuses a control that is then in view, votes through the
 * API, and waits until the page shows the new figures: focus and scroll must not have moved.
 */
async function keepsFocusAndPlace(page, name, changed) {
  await page.waitForLoadState('load');
  // Give the event stream a moment to open, as a person reading the page would.
  await page.waitForTimeout(500);
  const before = await page.evaluate(() => {
    const room = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, Math.max(0, Math.floor(room / 2)));
    const candidates = Array.from(document.querySelectorAll('main a[href], main button, main summary'));
    const visible = candidates.find((element) => {
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    }) || candidates[candidates.length - 1];
    visible.focus({ preventScroll: true });
    window.__focused = document.activeElement;
    return {
      scrollY: window.scrollY,
      focused: document.activeElement.outerHTML.slice(0, 120),
      text: document.querySelector('main').textContent,
      version: document.querySelector('main').getAttribute('data-version'),
      votes: (document.querySelector('#figure-votes') || {}).textContent,
    };
  });
  assert.ok(before.scrollY > 0, `${name} is tall enough to scroll`);
  assert.notEqual(before.focused.slice(0, 5), '<body', `${name}: something has focus`);
  await moreVoters(3);
  await page.waitForFunction(changed, before, { timeout: 30_000 });
  // Let any further update settle, then look again.
  await page.waitForTimeout(1_500);
  const after = await page.evaluate(() => ({
    same: document.activeElement === window.__focused,
    focused: document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : 'nothing',
    scrollY: window.scrollY,
  }));
  assert.ok(after.same, `${name}: focus moved from ${before.focused} to ${after.focused}`);
  assert.equal(after.scrollY, before.scrollY, `${name}: the page scrolled`);
}

before(async () => {
  assert.ok(PASSWORD, 'E2E_PASSWORD must name the test convenor\'s password');
  browser = await launch();
  convenor = await newPerson(browser);
  const { page } = convenor;
  const signedIn = await page.request.post('/api/session', { data: { email: EMAIL, password: PASSWORD } });
  assert.equal(signedIn.status(), 200);
  const partnership = await page.request.post('/api/partnerships', {
    data: { name: 'Northvale health fair', purpose: 'Plan the town health fair together' },
  });
  assert.equal(partnership.status(), 201, await partnership.text());
  const created = await page.request.post('/api/dialogues', {
    data: {
      partnership_id: (await partnership.json()).id,
      title: 'Health fair',
      question: QUESTION,
      constituencies: [
        { name: 'Resident', expected_share: 0.6, kind: 'lay' },
        { name: 'Carer', expected_share: 0.25, kind: 'lay' },
        { name: 'Health worker', expected_share: 0.15, kind: 'professional' },
      ],
      statements: STATEMENTS,
    },
  });
  assert.equal(created.status(), 201, await created.text());
  dialogue = (await created.json()).id;
  const listed = await page.request.get(`/api/dialogues/${dialogue}/statements`);
  statements = (await listed.json()).statements.map((statement) => statement.id);
  await moreVoters(12);
});

after(async () => {
  await browser?.close();
});

test('the presenter view, the facilitator view, closing and the poster read well at every size', async () => {
  const { page, problems } = convenor;
  await page.goto(`/convenor/dialogues/${dialogue}`);
  await page.getByRole('link', { name: 'Presenter view for an event' }).click();
  await page.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
  // The server listens on 127.0.0.1: the view says people cannot reach the link.
  await page.getByText('People in the room cannot open this link.').waitFor();
  assert.equal(await page.locator('img.event-qr').count(), 1);
  await page.locator('#event-fill').getByText('Health worker').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('#figure-votes').textContent) >= 72);
  await review(page, 'event-present');
  for (const size of [PHONE, { width: 1280, height: 900 }]) {
    await page.setViewportSize(size);
    await assertNoSidewaysScroll(page, `the presenter view at ${size.width} px`);
  }

  await page.getByRole('link', { name: 'Facilitator view with controls' }).click();
  await page.getByRole('button', { name: 'Pause new statements' }).click();
  await page.getByText('New statements are paused.', { exact: false }).first().waitFor();
  await review(page, 'event-facilitate');
  await page.getByRole('button', { name: 'Resume new statements' }).click();
  await page.getByText('Participants can write statements again.').waitFor();

  await page.getByRole('link', { name: 'Close the dialogue…' }).click();
  await page.getByRole('heading', { level: 1, name: 'Close the dialogue?' }).waitFor();
  await review(page, 'event-close-confirm');
  await page.getByRole('link', { name: 'No, keep it open' }).click();
  await page.getByRole('button', { name: 'Pause new statements' }).waitFor();

  await page.goto(`/convenor/dialogues/${dialogue}/poster`);
  await page.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
  await review(page, 'event-poster');
  await page.setViewportSize(PHONE);
  await assertNoSidewaysScroll(page, 'the poster at 390 px');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: joinPath(SCREENSHOTS, 'event-poster-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
});

test('while votes arrive, the live report and the presenter view keep focus and scroll', async () => {
  const { page, problems } = convenor;
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(`/d/${dialogue}/report`);
  await page.waitForFunction(() => Number(document.querySelector('main').getAttribute('data-version')) > 0, null, { timeout: 30_000 });
  await keepsFocusAndPlace(page, 'the report', (before) => {
    const main = document.querySelector('main');
    return Number(main.getAttribute('data-version')) > Number(before.version) && main.textContent !== before.text;
  });

  // 3 more voters on 6 statements: 18 more votes.
  const votesShown = (before) => Number(document.querySelector('#figure-votes').textContent) >= Number(before.votes) + 18;
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(`/convenor/dialogues/${dialogue}/facilitate`);
  await keepsFocusAndPlace(page, 'the facilitator view', votesShown);

  await page.setViewportSize(PHONE);
  await page.goto(`/convenor/dialogues/${dialogue}/present`);
  await keepsFocusAndPlace(page, 'the presenter view at 390 px', votesShown);
  assert.deepEqual(problems, []);
});
