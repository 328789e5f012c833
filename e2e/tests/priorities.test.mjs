// A priority list in a real browser: a convenor sets up a list with two constituencies and five
// options through the JSON API, and a few people compare through the API so that the results
// have something to show. A carer then joins on a phone, compares pairs with the mouse and with
// the keyboard shortcuts, says "can't decide" with a reason, adds an option of their own, reads
// the results (both scores, each constituency's top, the shortlist and how their option did),
// downloads their data and erases it. A second person, with JavaScript turned off, makes a
// comparison through the plain forms. Every page (of the scripted passes) is checked with axe-core at phone and desktop
// sizes and must not scroll sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE_URL, PHONE, api, launch, newPerson, review, signedInConvenor } from './lib.mjs';

const OPTIONS = [
  'Community transport to the hospital',
  'Evening clinics',
  'A bus to the hospital',
  'Benches on the way to the shops',
  'A carers\' guide to local services',
];
const MINE = 'A walking group that meets at the surgery';

let browser;
let convenor;
let list;

/** Compares every pair a participant is shown, preferring options earlier in `order`. */
async function compareAll(token, order) {
  for (;;) {
    const response = await fetch(`${BASE_URL}/api/priority-lists/${list}/next`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status === 204) { return; }
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const pair = JSON.parse(text);
    const rank = (option) => order.indexOf(option.text);
    await api(`/api/priority-lists/${list}/comparisons`, {
      method: 'POST',
      token,
      body: {
        left_option_id: pair.left.id,
        right_option_id: pair.right.id,
        choice: rank(pair.left) < rank(pair.right) ? 'left' : 'right',
      },
    });
  }
}

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
  const { request } = convenor.page;
  const partnership = (await (await request.post('/api/partnerships', { data: { name: 'Healthy Northvale' } })).json()).id;
  const created = await request.post(`/api/partnerships/${partnership}/priority-lists`, {
    data: {
      title: 'First steps for Northvale',
      question: 'Which should the partnership do first?',
      description: 'The dialogue agreed on these five things. We can start two of them this year.\n\nYou see two at a time: choose the one to do first.',
      constituencies: [{ name: 'Carer', kind: 'lay' }, { name: 'GP', kind: 'professional' }],
      moderation: 'post',
    },
  });
  assert.equal(created.status(), 201, await created.text());
  list = (await created.json()).id;
  for (const text of OPTIONS) {
    const added = await request.post(`/api/priority-lists/${list}/options`, { data: { text } });
    assert.equal(added.status(), 201, await added.text());
  }
  // Carers put transport first, GPs evening clinics.
  const carers = [...OPTIONS];
  const gps = [OPTIONS[1], OPTIONS[2], OPTIONS[0], OPTIONS[4], OPTIONS[3]];
  for (let index = 0; index < 6; index += 1) {
    const constituency = index % 2 === 0 ? 'Carer' : 'GP';
    const joined = await api(`/api/priority-lists/${list}/participants`, { method: 'POST', body: { constituencies: [constituency] } });
    await compareAll(joined.token, constituency === 'Carer' ? carers : gps);
  }
});

after(async () => {
  await browser?.close();
});

/** Waits until the progress line says `count` pairs were compared. */
async function comparedPairs(page, count) {
  const text = count === 0 ? 'You have not compared a pair yet.'
    : (count === 1 ? 'You have compared 1 pair.' : `You have compared ${count} pairs.`);
  await page.locator('#progress-text', { hasText: text }).waitFor();
}

test('a carer compares on a phone with the mouse and the keyboard, adds an option, reads the results and erases their data', async () => {
  const { page, problems, context } = await newPerson(browser, { viewport: PHONE, acceptDownloads: true });
  await page.goto(`/p/${list}`);
  await page.getByRole('heading', { level: 1, name: 'First steps for Northvale' }).waitFor();
  assert.ok(await page.getByText('You see two at a time: choose the one to do first.').isVisible());
  await review(page, 'priorities-join');
  await page.getByLabel('Carer').check();
  await page.getByRole('button', { name: 'Start comparing' }).click();
  await page.waitForURL(/\/p\/\d+\/compare$/);
  await comparedPairs(page, 0);
  // With JavaScript, the shortcuts are announced on the page.
  assert.ok(await page.locator('#keyboard-hint').isVisible());
  await review(page, 'priorities-compare');

  // The mouse: the first option, then the second.
  await page.locator('[data-pair-form] [data-choice="left"]').click();
  await comparedPairs(page, 1);
  assert.ok(await page.getByText('Your choice has been recorded.').isVisible());
  await page.locator('[data-pair-form] [data-choice="right"]').click();
  await comparedPairs(page, 2);

  // The keyboard: 1, the right arrow, then N for "can't decide".
  await page.keyboard.press('1');
  await comparedPairs(page, 3);
  await page.keyboard.press('ArrowRight');
  await comparedPairs(page, 4);
  await page.keyboard.press('n');
  await comparedPairs(page, 5);

  // "Can't decide" with a reason, with the mouse.
  await page.getByLabel('Both matter equally').check();
  await page.getByRole('button', { name: 'Can\'t decide' }).click();
  await comparedPairs(page, 6);

  // An option of their own; a second time it is refused as a duplicate and keeps its text.
  await page.getByLabel('Your option').fill(MINE);
  await page.getByRole('button', { name: 'Add this option' }).click();
  await page.getByText('Thank you. Your option has been added').waitFor();
  await page.getByRole('heading', { name: 'Options you added' }).waitFor();
  assert.ok(await page.locator('.my-options').getByText(MINE).isVisible());
  await page.getByLabel('Your option').fill(MINE.toUpperCase());
  await page.getByRole('button', { name: 'Add this option' }).click();
  await page.getByText('already has an option saying the same').waitFor();
  assert.equal(await page.getByLabel('Your option').inputValue(), MINE.toUpperCase());
  await review(page, 'priorities-compare-refused-option');

  // The results: sentences first, both scores drawn, each constituency's top, the shortlist.
  // The results come from the background analysis, which catches up with the new option within
  // a few seconds; until then the page shows the previous ranking.
  const lead = page.locator('.priority-summary .lead');
  for (let attempt = 0; ; attempt += 1) {
    await page.goto(`/p/${list}/results`);
    await page.getByRole('heading', { name: 'The ranking' }).waitFor();
    if (/ of 6 options\./.test(await lead.innerText()) || attempt === 30) break;
    await page.waitForTimeout(500);
  }
  assert.match(await lead.innerText(), /^7 people made \d+ comparisons of 6 options\./);
  const ranking = page.locator('.priority-ranking');
  assert.equal(await ranking.locator('tbody tr').count(), 6);
  assert.equal(await ranking.locator('svg.interval-bar').count(), 6);
  assert.equal(await ranking.locator('thead th', { hasText: 'Equal-weight score' }).count(), 1);
  for (const name of ['Carer', 'GP']) {
    assert.ok(await page.getByRole('heading', { level: 3, name, exact: true }).isVisible(), `${name}'s column`);
  }
  const carerTop = page.locator('.constituency-column', { has: page.getByRole('heading', { name: 'Carer', exact: true }) }).locator('.top-list li').first();
  assert.match(await carerTop.innerText(), /Community transport to the hospital/);
  const gpTop = page.locator('.constituency-column', { has: page.getByRole('heading', { name: 'GP', exact: true }) }).locator('.top-list li').first();
  assert.match(await gpTop.innerText(), /Evening clinics/);
  await page.getByRole('heading', { name: 'Shortlist for a workshop' }).waitFor();
  assert.ok(await page.locator('.added-options').getByText(MINE).isVisible());
  await review(page, 'priorities-results');

  // "Your data": the download is the API's JSON; then the erasure, confirmed.
  await page.goto(`/p/${list}/me`);
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
  assert.ok(await page.getByText('You compared 6 pairs.').isVisible());
  await review(page, 'priorities-my-data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download your data (JSON file)' }).click(),
  ]);
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(data.comparisons.length, 6);
  assert.deepEqual(data.constituencies, ['Carer']);
  assert.equal(data.comparisons.filter((c) => c.reason === 'both_matter_equally').length, 1);
  assert.equal(data.options[0].text, MINE);
  await page.getByRole('link', { name: 'Erase my data…' }).click();
  await page.getByRole('heading', { level: 1, name: 'Erase your data' }).waitFor();
  await review(page, 'priorities-erase');
  await page.getByLabel('I understand that my comparisons and options will be erased for good').check();
  await page.getByRole('button', { name: 'Erase my data' }).click();
  await page.getByRole('heading', { name: 'Your data has been erased' }).waitFor();
  assert.ok(await page.getByText('6 comparisons removed').isVisible());
  await review(page, 'priorities-erased');
  // The erasure reaches the results once the background analysis has run again.
  let after = await api(`/api/priority-lists/${list}/results`);
  for (let attempt = 0; after.participants !== 6 && attempt < 30; attempt += 1) {
    await page.waitForTimeout(500);
    after = await api(`/api/priority-lists/${list}/results`);
  }
  assert.equal(after.participants, 6);
  // The refused duplicate answered 409, as it should; the browser logs that status.
  assert.deepEqual(problems.filter((problem) => !problem.includes('status of 409')), []);
  await context.close();
});

test('without JavaScript a person joins and compares through the plain forms', async () => {
  const { page, problems, context } = await newPerson(browser, { viewport: PHONE, javaScriptEnabled: false });
  const progress = () => page.locator('#progress-text').innerText();
  await page.goto(`/p/${list}`);
  await page.getByLabel('GP').check();
  await Promise.all([page.waitForURL(/\/p\/\d+\/compare$/), page.getByRole('button', { name: 'Start comparing' }).click()]);
  assert.equal(await progress(), 'You have not compared a pair yet.');
  // The shortcuts need the script, so they are not offered.
  assert.equal(await page.locator('#keyboard-hint').isVisible(), false);
  await Promise.all([page.waitForURL(/notice=recorded$/), page.locator('[data-pair-form] [data-choice="left"]').click()]);
  assert.equal(await progress(), 'You have compared 1 pair.');
  await page.getByLabel('I don\'t know enough').check();
  await page.getByRole('button', { name: 'Can\'t decide' }).click();
  await page.waitForLoadState('load');
  assert.equal(await progress(), 'You have compared 2 pairs.');
  // axe runs in the page, which this context forbids; the first test reviews these pages.
  assert.deepEqual(problems, []);
  await context.close();
});

test('an empty list explains its results page', async () => {
  const { request } = convenor.page;
  const partnership = (await (await request.get(`/api/priority-lists/${list}`)).json()).partnership_id;
  const created = await request.post(`/api/partnerships/${partnership}/priority-lists`, {
    data: { title: 'Next year', question: 'Which should come next year?' },
  });
  assert.equal(created.status(), 201, await created.text());
  const empty = (await created.json()).id;
  const { page, problems, context } = await newPerson(browser);
  await page.goto(`/p/${empty}/results`);
  await page.getByRole('heading', { name: 'No comparisons yet' }).waitFor();
  await review(page, 'priorities-results-empty');
  assert.deepEqual(problems, []);
  await context.close();
});
