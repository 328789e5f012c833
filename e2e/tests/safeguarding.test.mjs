// Safeguarding: a participant writes a statement that may disclose a crisis and is shown the
// partnership's signposting text at once; another flags a statement; the convenor works
// through the triage queue, highest risk first, redacts and decides, and reads the decisions
// log. Every page is checked with axe-core at phone and desktop sizes, must not scroll
// sideways at 390 px, and is photographed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPerson, review, signedInConvenor } from './lib.mjs';

const TITLE = 'Staying well at home in Northvale';
const SIGNPOSTING = 'Northvale Wellbeing Line: 0800 000 0000, every day from 8 till midnight.';

let browser;
let convenor;

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
});

after(async () => {
  await browser?.close();
});

async function join(dialogue) {
  const person = await newPerson(browser);
  const { page } = person;
  await page.goto(`/d/${dialogue}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Start' }).click()]);
  await page.locator('#progress-text').waitFor();
  return person;
}

async function write(page, dialogue, text) {
  await page.goto(`/d/${dialogue}/write`);
  await page.getByLabel('Your statement', { exact: false }).fill(text);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Send the statement' }).click()]);
}

test('a disclosure is held with signposting, a flag is triaged and every decision is logged', async () => {
  const { page } = convenor;
  const partnership = await (await page.request.post('/api/partnerships', { data: { name: 'Northvale Staying Well' } })).json();
  const created = await page.request.post('/api/dialogues', {
    data: {
      partnership_id: partnership.id,
      title: TITLE,
      question: 'What would help older people stay well at home?',
      statements: ['Home visits from a pharmacist', 'A lunch club in every ward'],
    },
  });
  assert.equal(created.status(), 201, await created.text());
  const dialogue = (await created.json()).id;

  // The convenor sets the signposting text on the partnership's safeguarding page.
  await page.goto(`/convenor/partnerships/${partnership.id}/safeguarding`);
  await page.getByRole('heading', { level: 1, name: 'Safeguarding' }).waitFor();
  await page.getByLabel('Signposting text', { exact: false }).fill(SIGNPOSTING);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save' }).click()]);
  await page.getByText('Saved.', { exact: false }).waitFor();
  await review(page, 'safeguarding-settings');

  // A participant writes of a crisis: held, and shown where to find help at once.
  const writer = await join(dialogue);
  await write(writer.page, dialogue, 'Since my husband died I cannot cope and some nights I want to die');
  await writer.page.waitForURL(new RegExp(`/d/${dialogue}/support$`));
  await writer.page.getByRole('heading', { level: 1, name: 'Your statement is with a moderator' }).waitFor();
  await writer.page.getByText(SIGNPOSTING).waitFor();
  await review(writer.page, 'safeguarding-support');

  // Someone else writes a phone number; they see no signposting.
  const caller = await join(dialogue);
  await write(caller.page, dialogue, 'Ring me on 07700 900123 and I will tell you about the lunch club');
  await caller.page.waitForURL(new RegExp(`/d/${dialogue}/support$`));
  assert.equal(await caller.page.getByText(SIGNPOSTING).count(), 0);

  // Nobody else is shown either held statement; a voter flags a seed statement.
  const voter = await join(dialogue);
  const shown = await voter.page.locator('#statement-text').textContent();
  assert.ok(!shown.includes('want to die') && !shown.includes('07700'), shown);
  await voter.page.getByRole('link', { name: 'Flag this statement' }).click();
  await voter.page.getByRole('heading', { level: 1, name: 'Flag this statement for a moderator' }).waitFor();
  await review(voter.page, 'safeguarding-flag');
  await voter.page.getByLabel('It may spread health information that is not true').check();
  await voter.page.getByLabel('Anything you want to add', { exact: false }).fill('Pharmacists do not visit at home here');
  await Promise.all([voter.page.waitForEvent('load'), voter.page.getByRole('button', { name: 'Send to a moderator' }).click()]);
  await voter.page.getByText('A moderator will look at the statement you flagged', { exact: false }).first().waitFor();

  // The convenor's triage queue: the disclosure first, then personal details, then the flag.
  await page.goto(`/convenor/dialogues/${dialogue}/safeguarding`);
  await page.getByRole('heading', { level: 1, name: 'Safeguarding triage' }).waitFor();
  const headings = await page.locator('.triage-list h2').allTextContents();
  assert.equal(headings.length, 3, headings.join(' | '));
  assert.match(headings[0], /^Disclosure/);
  assert.match(headings[1], /^Personal details/);
  assert.match(headings[2], /^Misinformation/);
  await review(page, 'safeguarding-queue');

  // Redact the phone number, accept the disclosure with a note, reject nothing else.
  const phoneCase = page.locator('.triage-list > li').nth(1);
  await phoneCase.getByLabel('Redact personal details', { exact: false }).check();
  await Promise.all([page.waitForEvent('load'), phoneCase.getByRole('button', { name: /Record the decision/ }).click()]);
  await page.getByText('Decision recorded: redact.').waitFor();
  const disclosureCase = page.locator('.triage-list > li').first();
  await disclosureCase.getByLabel('Accept as written').check();
  await disclosureCase.getByLabel('Note', { exact: false }).fill('Called the participant back with the crisis team');
  await Promise.all([page.waitForEvent('load'), disclosureCase.getByRole('button', { name: /Record the decision/ }).click()]);
  await page.getByText('Decision recorded: accept.').waitFor();
  await review(page, 'safeguarding-queue-after');

  const statements = (await (await page.request.get(`/api/dialogues/${dialogue}/statements`)).json()).statements;
  assert.ok(statements.some((s) => s.text === 'Ring me on [removed] and I will tell you about the lunch club'));

  // The decisions log shows both, and cannot be changed.
  await page.goto(`/convenor/partnerships/${partnership.id}/safeguarding`);
  await page.getByRole('heading', { name: 'Decisions log' }).waitFor();
  await page.getByText('Called the participant back with the crisis team').waitFor();
  await review(page, 'safeguarding-log');
  const log = await (await page.request.get(`/api/partnerships/${partnership.id}/safeguarding/decisions`)).json();
  assert.deepEqual(log.decisions.map((d) => d.action), ['redact', 'accept']);
  const removed = await page.request.delete(`/api/partnerships/${partnership.id}/safeguarding/decisions`);
  assert.equal(removed.status(), 405);
  const csv = await page.request.get(`/api/partnerships/${partnership.id}/safeguarding/decisions.csv`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /^id,decided_at,decided_by,dialogue_id,statement_id,action,reason,note/);

  // No page failed along the way.
  for (const person of [writer, caller, voter]) {
    assert.deepEqual(person.problems, []);
  }
  assert.deepEqual(convenor.problems, []);
});
