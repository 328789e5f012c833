// A participant's own data in a real browser: the "Your data" page linked from the dialogue
// page, its download as a JSON file, and erasure after the confirmation step. Every page is
// checked with axe-core and photographed at phone and desktop sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { EMAIL, PASSWORD, launch, newPerson, review } from './lib.mjs';

const PARTNERSHIP = 'Riverside health partnership';
const TITLE = 'Walking routes <b>for everyone</b>';
const STATEMENTS = [
  'Every route should have a bench at least every 300 metres',
  'Routes should be lit after dark',
  'Dogs should be kept on leads on shared paths',
];

let browser;
let convenor;
let person;
let dialogue;

before(async () => {
  assert.ok(PASSWORD, 'E2E_PASSWORD must name the test convenor\'s password');
  browser = await launch();
  convenor = await newPerson(browser);
  const { page } = convenor;
  const signedIn = await page.request.post('/api/session', { data: { email: EMAIL, password: PASSWORD } });
  assert.equal(signedIn.status(), 200);
  await page.goto('/convenor');
  await page.getByLabel('Name', { exact: true }).fill(PARTNERSHIP);
  await page.getByRole('button', { name: 'Create the partnership' }).click();
  await page.waitForURL(/\/convenor\/partnerships\/\d+$/);
  const partnership = Number(new URL(page.url()).pathname.split('/').pop());
  const created = await page.request.post('/api/dialogues', {
    data: {
      partnership_id: partnership,
      title: TITLE,
      question: 'What would make walking routes work for you?',
      constituencies: [{ name: 'Resident' }, { name: 'Carer' }],
      statements: STATEMENTS,
    },
  });
  assert.equal(created.status(), 201, await created.text());
  dialogue = (await created.json()).id;
});

after(async () => {
  await browser?.close();
});

test('a participant sees their votes on the "Your data" page and downloads them', async () => {
  person = await newPerson(browser);
  const { page } = person;
  await page.goto(`/d/${dialogue}`);
  await page.getByLabel('Carer', { exact: true }).check();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Start' }).click()]);
  for (const vote of ['Agree', 'Disagree']) {
    const progress = await page.locator('#progress-text').innerText();
    await page.getByRole('button', { name: vote, exact: true }).click();
    await page.waitForFunction((before) => document.querySelector('#progress-text')?.textContent !== before, progress);
  }

  await page.getByRole('link', { name: /^Your data/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
  await page.getByText('You said you are: Carer.').waitFor();
  assert.equal(await page.locator('table').first().locator('tbody tr').count(), 2);
  await review(page, 'your-data');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download your data (JSON file)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `common-ground-dialogue-${dialogue}-my-data.json`);
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(data.dialogue_id, dialogue);
  assert.deepEqual(data.constituencies, ['Carer']);
  assert.deepEqual(data.votes.map((vote) => vote.vote), ['agree', 'disagree']);
  assert.ok(data.votes.every((vote) => STATEMENTS.includes(vote.statement_text)));
});

test('a participant erases their data after confirming it', async () => {
  const { page } = person;
  await page.getByRole('link', { name: 'Erase my data…' }).click();
  await page.getByRole('heading', { level: 1, name: 'Erase your data' }).waitFor();
  await review(page, 'erase');
  await page.getByLabel('I understand that my votes and statements will be erased for good').check();
  await page.getByRole('button', { name: 'Erase my data', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data has been erased' }).waitFor();
  await page.getByText('2 votes removed.').waitFor();
  await review(page, 'erased');

  // The browser is a newcomer again, and the dialogue holds no vote from it.
  await page.goto(`/d/${dialogue}`);
  await page.getByRole('button', { name: 'Start' }).waitFor();
  const dump = await convenor.page.request.get(`/api/dialogues/${dialogue}/export?format=json`);
  assert.equal(dump.status(), 200);
  const exported = await dump.json();
  assert.equal(exported.vote_events.length, 0);
  assert.equal(exported.participants.length, 0);
});

test('no privacy page logged a script error or a blocked resource', () => {
  for (const [name, someone] of Object.entries({ convenor, person })) {
    assert.deepEqual(someone.problems, [], `${name}'s browser reported problems`);
  }
});
