// Participants' forms and the moderation queue in a real browser: a refused or rate-limited
// statement keeps its text, a vote and the groups one belongs to are changed from "Your data",
// unknown paths get a page, and a convenor rejects one statement with a reason its author
// reads. Every page is checked with axe-core at phone and desktop sizes, photographed, and must
// not scroll sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, EMAIL, PASSWORD, PHONE, assertFitsThePhone, launch, newPerson, review } from './lib.mjs';

const STATEMENTS = [
  'The health centre should open on Saturday mornings',
  'Appointments should be bookable by phone as well as online',
  'A nurse should visit people who cannot leave home',
];
const WRITTEN = 'Every waiting room needs a quiet corner for people who find crowds hard';
const REASON = 'Thank you: this is about buildings, which the partnership does not run.';

let browser;
let convenor;
let person;
let dialogue;

async function check(page, name) {
  await assertFitsThePhone(page, name);
  await review(page, name);
}

before(async () => {
  assert.ok(PASSWORD, 'E2E_PASSWORD must name the test convenor\'s password');
  browser = await launch();
  convenor = await newPerson(browser);
  const { page } = convenor;
  const signedIn = await page.request.post('/api/session', { data: { email: EMAIL, password: PASSWORD } });
  assert.equal(signedIn.status(), 200);
  await page.goto('/convenor');
  await page.getByLabel('Name', { exact: true }).fill('Eastfield primary care partnership');
  await page.getByRole('button', { name: 'Create the partnership' }).click();
  await page.waitForURL(/\/convenor\/partnerships\/\d+$/);
  const partnership = Number(new URL(page.url()).pathname.split('/').pop());
  const created = await page.request.post('/api/dialogues', {
    data: {
      partnership_id: partnership,
      title: 'Getting an appointment',
      question: 'What would make it easier to see someone at the health centre?',
      constituencies: [{ name: 'Patient' }, { name: 'Carer' }, { name: 'Practice staff' }],
      statements: STATEMENTS,
    },
  });
  assert.equal(created.status(), 201, await created.text());
  dialogue = (await created.json()).id;

  person = await newPerson(browser, { viewport: PHONE });
  await person.page.goto(`/d/${dialogue}`);
  await person.page.getByLabel('Patient', { exact: true }).check();
  await Promise.all([person.page.waitForEvent('load'), person.page.getByRole('button', { name: 'Start' }).click()]);
});

after(async () => {
  await browser?.close();
});

test('a refused or rate-limited statement is shown again with its text and the reason', async () => {
  const { page } = person;
  await page.goto(`/d/${dialogue}/write`);
  await page.getByLabel('Your statement').fill(STATEMENTS[0]);
  await page.getByRole('button', { name: 'Send the statement' }).click();
  await page.getByRole('alert').filter({ hasText: 'Your statement: This dialogue already has a statement' }).waitFor();
  assert.equal(await page.getByLabel('Your statement').inputValue(), STATEMENTS[0]);
  await check(page, 'write-refused');

  // The written statement the convenor moderates below, then up to the allowance of five.
  await page.getByLabel('Your statement').fill(WRITTEN);
  await Promise.all([page.waitForURL(/notice=written/), page.getByRole('button', { name: 'Send the statement' }).click()]);
  await page.locator('p.notice').filter({ hasText: 'It counts as your agreement' }).waitFor();
  for (const n of [1, 2, 3]) {
    const sent = await page.request.post(`/api/dialogues/${dialogue}/statements`, { data: { text: `Longer opening hours on weekday ${n}` } });
    assert.equal(sent.status(), 201, await sent.text());
  }
  const typed = 'Reminders by text message the day before an appointment';
  await page.goto(`/d/${dialogue}/write`);
  await page.getByLabel('Your statement').fill(typed);
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'POST'),
    page.getByRole('button', { name: 'Send the statement' }).click(),
  ]);
  assert.equal(response.status(), 429);
  await page.getByRole('alert').filter({ hasText: 'faster than this dialogue allows' }).waitFor();
  assert.equal(await page.getByLabel('Your statement').inputValue(), typed);
  await check(page, 'write-rate-limited');
});

test('a participant changes a vote and the groups they belong to from "Your data"', async () => {
  const { page } = person;
  await page.goto(`/d/${dialogue}`);
  const progress = await page.locator('#progress-text').innerText();
  await page.getByRole('button', { name: 'Agree', exact: true }).click();
  await page.waitForFunction((earlier) => document.querySelector('#progress-text')?.textContent !== earlier, progress);

  await page.goto(`/d/${dialogue}/me`);
  const seedVote = page.locator('.change-vote').filter({ hasText: /health centre|bookable|nurse/ }).first();
  const statement = await seedVote.locator('.change-vote__statement').innerText();
  assert.ok(STATEMENTS.includes(statement), statement);
  await Promise.all([page.waitForURL(/notice=vote-changed/), seedVote.getByRole('button', { name: 'Disagree instead' }).click()]);
  await page.getByText('Your vote has been changed.').waitFor();
  await page.getByRole('cell', { name: 'No, changed later' }).first().waitFor();
  await check(page, 'your-data-changed-vote');

  await page.getByRole('link', { name: 'Change the groups you belong to' }).click();
  assert.equal(await page.getByLabel('Patient', { exact: true }).isChecked(), true);
  const target = await page.locator('.check').first().boundingBox();
  assert.ok(target.height >= 44, `a constituency's tap target is ${target.height} px tall`);
  await check(page, 'your-constituencies');
  await page.getByLabel('Carer', { exact: true }).check();
  await Promise.all([page.waitForURL(/notice=constituencies-changed/), page.getByRole('button', { name: 'Save the groups you belong to' }).click()]);
  await page.getByText('You said you are: Patient, Carer.').waitFor();
});

test('an unknown path gets a page for people with a way home', async () => {
  const { page } = person;
  const response = await page.goto('/no/such/page');
  assert.equal(response.status(), 404);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to the start page' }).waitFor();
  await check(page, 'not-found');

  const api = await page.request.get('/api/no/such/route', { headers: { accept: 'text/html' } });
  assert.equal(api.status(), 404);
  assert.equal((await api.json()).error.code, 'route_not_found');

  // A participant's error page leads back to their dialogue.
  await page.goto(`/d/${dialogue}/me`);
  const failed = await page.request.post(`/d/${dialogue}/vote`, { form: { statement_id: 'x', vote: 'agree' } });
  assert.equal(failed.status(), 400);
  assert.match(await failed.text(), /Back to the dialogue/);
});

test('a convenor rejects one statement with a reason, and its author reads it', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/dialogues/${dialogue}/moderation`);
  const row = page.locator('tbody tr').filter({ hasText: WRITTEN });
  await row.getByText(/by a participant \(Patient, Carer\)/).waitFor();
  await row.getByText('1 agree, 0 disagree, 0 pass').waitFor();
  const select = await row.locator('.check-target').boundingBox();
  assert.ok(select.width >= 44 && select.height >= 44, `the row's checkbox target is ${select.width}×${select.height} px`);
  await check(page, 'moderation-rows');

  await page.setViewportSize(PHONE);
  await row.getByLabel(/Reason for rejecting/).fill(REASON);
  await Promise.all([page.waitForURL(/updated=1/), row.getByRole('button', { name: /^Reject/ }).click()]);
  await page.getByText('1 statement updated.').waitFor();
  await page.setViewportSize(DESKTOP);
  await page.goto(`/convenor/dialogues/${dialogue}/moderation?status=rejected`);
  await page.getByText(`Reason: ${REASON}`).waitFor();
  await check(page, 'moderation-rejected');

  const author = person.page;
  await author.goto(`/d/${dialogue}/me`);
  await author.getByText(`The convenor's reason: ${REASON}`).waitFor();
  await check(author, 'your-data-rejected');
});
