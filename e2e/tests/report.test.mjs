// The report as a convenor reads it: a summary first, the grid of statements against groups
// and constituencies (sorted and filtered by plain links), a statement's detail page, naming
// the groups, and the page a private report shows the public. Every page is checked with
// axe-core at phone and desktop sizes, photographed, and must not scroll sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, launch, newPerson, review, signedInConvenor, waitForAnalysis } from './lib.mjs';

const LONG = 'Unbroken' + 'x'.repeat(160);
const STATEMENTS = [
  'Surgeries should offer evening clinics twice a week',
  'Repeat prescriptions should be ordered online only',
  'Home visits matter more than new clinic buildings',
  'Everyone should be able to see the same doctor each time',
  `A statement with a very long word: ${LONG}`,
  'Transport to the hospital should be free for over 75s',
];

// Two camps who both want the same doctor each time.
function campA(text) {
  if (text.includes('same doctor')) { return 'agree'; }
  return text.includes('evening') || text.includes('Transport') ? 'agree' : 'disagree';
}
function campB(text) {
  if (text.includes('same doctor')) { return 'agree'; }
  if (text.includes('long word')) { return 'pass'; }
  return text.includes('online') || text.includes('Home visits') ? 'agree' : 'disagree';
}

let browser;
let convenor;
let dialogue;
let totalVotes = 0;

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
});

after(async () => {
  await browser?.close();
});

test('a dialogue without votes says what the report needs', async () => {
  const { request } = convenor.page;
  const partnership = await (await request.post('/api/partnerships', { data: { name: 'Report partnership' } })).json();
  const created = await request.post('/api/dialogues', {
    data: {
      partnership_id: partnership.id,
      title: 'Clinics in Northvale',
      question: 'What would make the clinics work better for you?',
      constituencies: [
        { name: 'Resident', expected_share: 0.5, kind: 'lay' },
        { name: 'GP', expected_share: 0.2, kind: 'professional' },
        { name: 'Carer', expected_share: 0.3, kind: 'lay' },
      ],
      statements: STATEMENTS,
    },
  });
  assert.equal(created.status(), 201, await created.text());
  dialogue = (await created.json()).id;
  const reader = await newPerson(browser);
  await reader.page.goto(`/d/${dialogue}/report`);
  await reader.page.getByRole('heading', { name: 'What this report needs' }).waitFor();
  assert.equal(await reader.page.locator('.bar-row').count(), 0, 'no empty bars');
  await review(reader.page, 'report-empty');
  await reader.context.close();
});

test('a crowd in two camps votes', async () => {
  const answer = await convenor.page.request.get(`/api/dialogues/${dialogue}/statements`);
  assert.ok(answer.ok(), `listing the statements answered ${answer.status()}`);
  const listed = await answer.json();
  const statements = listed.statements;
  assert.equal(statements.length, STATEMENTS.length);
  // Every constituency has the five votes common ground needs; carers stay below their
  // expected share (5 of 22 against 30%) while residents just reach theirs (11 of 22).
  const crowd = [
    ...Array.from({ length: 11 }, () => [['Resident'], campA]),
    ...Array.from({ length: 6 }, () => [['GP'], campB]),
    ...Array.from({ length: 5 }, () => [['Carer'], campB]),
  ];
  for (const [constituencies, choose] of crowd) {
    const joined = await api(`/api/dialogues/${dialogue}/participants`, { method: 'POST', body: { constituencies } });
    for (const statement of statements) {
      await api(`/api/dialogues/${dialogue}/votes`, {
        method: 'POST', token: joined.token, body: { statement_id: statement.id, vote: choose(statement.text) },
      });
      totalVotes += 1;
    }
  }
  await waitForAnalysis(convenor.page.request, dialogue, totalVotes);
});

test('the report leads with a summary, then the grid', async () => {
  const reader = await newPerson(browser);
  const { page } = reader;
  await page.goto(`/d/${dialogue}/report`);
  const summary = page.locator('section.report-summary');
  for (const heading of ['Who took part', 'What is common ground', 'Where people divide', 'Whose voice is missing']) {
    await summary.getByRole('heading', { name: heading }).waitFor();
  }
  await summary.getByText('22 people took part').waitFor();
  await summary.getByText(/Under-represented: Carer/).waitFor();
  const common = summary.locator('.summary-part', { hasText: 'What is common ground' });
  await common.locator('.summary-list a', { hasText: /^Statement 4$/ }).waitFor();
  assert.ok(!(await page.content()).includes('Not enough data yet'));
  // The grid: one row per statement, a column per group and constituency, colour and number.
  const grid = page.getByRole('table', { name: /Agreement with each statement/ });
  assert.equal(await grid.locator('tbody tr').count(), STATEMENTS.length);
  await grid.getByRole('columnheader', { name: /Group A/ }).waitFor();
  await grid.getByRole('columnheader', { name: /Carer/ }).waitFor();
  const cell = grid.locator('td.cell').first();
  assert.match(await cell.locator('.cell-value').innerText(), /^\d+%$|^–$/);
  assert.match(await cell.getAttribute('title'), /agree/);
  await review(page, 'report');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS ?? new URL('../screenshots', import.meta.url).pathname}/report-grid-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Sorting and filtering are plain links.
  await page.getByRole('link', { name: 'By number' }).click();
  await page.waitForURL(/sort=number/);
  const numbers = await grid.locator('tbody td.grid-number').allInnerTexts();
  assert.deepEqual(numbers.map(Number), [1, 2, 3, 4, 5, 6]);
  await page.getByRole('link', { name: 'Common ground', exact: true }).click();
  await page.waitForURL(/show=common/);
  assert.ok((await grid.locator('tbody tr').count()) >= 1);
  assert.equal(await grid.locator('tbody tr.grid-row--divided').count(), 0);
  await review(page, 'report-common-ground');
  await reader.context.close();
});

test('the grid sorts by links and each statement opens its breakdown', async () => {
  const reader = await newPerson(browser);
  const { page } = reader;
  await page.goto(`/d/${dialogue}/report?sort=divided`);
  await page.getByText(/most divided first/).waitFor();
  await page.getByRole('link', { name: /Statement 5: A statement with a very long word/ }).click();
  await page.waitForURL(/\/report\/statements\/\d+$/);
  await page.getByText('Statement 5', { exact: true }).waitFor();
  await page.getByRole('heading', { name: 'By opinion group' }).waitFor();
  await page.getByRole('heading', { name: 'By constituency' }).waitFor();
  await page.getByText(/likely \d+%–\d+%/).first().waitFor();
  await page.getByText(/\d+ agree, \d+ disagree, \d+ pass/).first().waitFor();
  await review(page, 'report-statement');
  await reader.context.close();
});

test('a convenor names a group and the report uses the name', async () => {
  const { page } = convenor;
  await page.goto(`/d/${dialogue}/report/groups`);
  await page.getByRole('heading', { name: 'Name the opinion groups' }).waitFor();
  await review(page, 'report-groups');
  await page.getByLabel(/^Group A/).fill('for evening clinics and free transport');
  await page.getByRole('button', { name: 'Save the labels' }).click();
  await page.getByText('The labels are saved.').waitFor();
  await page.goto(`/d/${dialogue}/report`);
  await page.getByRole('rowheader', { name: /Group A: for evening clinics and free transport/ }).waitFor();
});

test('a private report explains who can read it', async () => {
  const updated = await convenor.page.request.patch(`/api/dialogues/${dialogue}`, { data: { report_visibility: 'convenors' } });
  assert.equal(updated.status(), 200, await updated.text());
  const stranger = await newPerson(browser);
  const answer = await stranger.page.goto(`/d/${dialogue}/report`);
  assert.equal(answer.status(), 403);
  assert.match(new URL(stranger.page.url()).pathname, /\/report$/, 'not sent to the sign-in page');
  await stranger.page.getByRole('heading', { name: /is private/ }).waitFor();
  await stranger.page.getByRole('link', { name: 'Sign in to read the report' }).waitFor();
  await review(stranger.page, 'report-private');
  await stranger.context.close();
});
