// The convenors' pages of priority lists: a list is created through the form (a refused form
// keeps what was typed), options are added, drafted from the common ground of a dialogue with
// votes and moderated, the results are kept to convenors, and the list is closed after a
// confirmation. Every page is checked with axe-core at phone and desktop sizes, photographed,
// and must not scroll sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, launch, review, signedInConvenor, waitForAnalysis } from './lib.mjs';

const STATEMENTS = [
  'Community transport to the hospital',
  'Close the town centre car park',
  'Move the clinic to the retail park',
];

let browser;
let convenor;
let partnership;
let dialogue;
let list;

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
  const { request } = convenor.page;
  const created = await request.post('/api/partnerships', { data: { name: 'Priorities partnership' } });
  assert.equal(created.status(), 201, await created.text());
  partnership = (await created.json()).id;

  // A dialogue whose first statement everyone agrees with, and the others split people.
  const opened = await request.post('/api/dialogues', {
    data: { partnership_id: partnership, title: 'Our clinics', question: 'What would make the clinics better?', statements: STATEMENTS },
  });
  assert.equal(opened.status(), 201, await opened.text());
  dialogue = (await opened.json()).id;
  const statements = (await (await request.get(`/api/dialogues/${dialogue}/statements`)).json()).statements;
  let votes = 0;
  for (let person = 0; person < 12; person += 1) {
    const joined = await api(`/api/dialogues/${dialogue}/participants`, { method: 'POST', body: { constituencies: [] } });
    for (const [index, statement] of statements.entries()) {
      const split = (person % 2 === 0) === (index === 1) ? 'agree' : 'disagree';
      await api(`/api/dialogues/${dialogue}/votes`, {
        method: 'POST', token: joined.token, body: { statement_id: statement.id, vote: index === 0 ? 'agree' : split },
      });
      votes += 1;
    }
  }
  await waitForAnalysis(request, dialogue, votes);
});

after(async () => {
  await browser?.close();
});

test('a list is created through the form, which keeps what was typed after an error', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/partnerships/${partnership}`);
  await page.getByRole('link', { name: 'Priority lists' }).click();
  await page.waitForURL(`**/convenor/partnerships/${partnership}/priority-lists`);
  await review(page, 'priorities-convenor-lists-empty');

  const options = 'Evening clinics\nA bus to the hospital';
  await page.getByLabel('Title').fill('First steps');
  await page.getByLabel('The question participants are asked').fill('Which should the partnership do first?');
  await page.getByLabel('Constituencies, one per line').fill('Unpaid carers | lay\nGPs | doctors');
  await page.getByLabel('Options, one per line').fill(options);
  await page.getByLabel(/^Linked dialogue/).selectOption({ label: 'Our clinics' });
  await page.getByRole('button', { name: 'Create the priority list' }).click();

  await page.getByRole('alert').filter({ hasText: 'Constituencies line 2: "doctors" should be "lay" or "professional".' }).waitFor();
  assert.equal(await page.getByLabel('Title').inputValue(), 'First steps');
  assert.equal(await page.getByLabel('Options, one per line').inputValue(), options);
  assert.equal(await page.getByLabel(/^Linked dialogue/).inputValue(), String(dialogue));
  await review(page, 'priorities-convenor-new-list-error');

  await page.getByLabel('Constituencies, one per line').fill('Unpaid carers | lay\nGPs | professional');
  await page.getByRole('button', { name: 'Create the priority list' }).click();
  await page.waitForURL(/\/convenor\/priority-lists\/\d+$/);
  list = Number(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('heading', { level: 1, name: 'First steps' }).waitFor();
  await review(page, 'priorities-convenor-list');
});

test('options are added and drafted from the dialogue\'s common ground', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/priority-lists/${list}`);
  await page.getByRole('textbox', { name: /^Option/ }).fill('Benches on the way to the shops');
  await page.getByRole('button', { name: 'Add the option' }).click();
  await page.getByRole('status').filter({ hasText: 'The option is added.' }).waitFor();
  await page.getByRole('rowheader', { name: 'Benches on the way to the shops' }).waitFor();

  await page.getByRole('link', { name: 'Import options from common ground' }).click();
  await page.waitForURL(`**/convenor/priority-lists/${list}/common-ground`);
  const statement = page.getByRole('checkbox', { name: /Community transport to the hospital/ });
  assert.ok(await statement.isChecked(), 'common ground is ticked to begin with');
  await review(page, 'priorities-convenor-import');
  await page.getByRole('button', { name: 'Add the ticked statements as options' }).click();
  await page.getByRole('status').filter({ hasText: '1 option was added from common ground.' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Community transport to the hospital' });
  await row.getByRole('link', { name: /Common ground/ }).waitFor();
});

test('a participant\'s option is moderated', async () => {
  const joined = await api(`/api/priority-lists/${list}/participants`, { method: 'POST', body: { constituencies: ['GPs'] } });
  await api(`/api/priority-lists/${list}/me/options`, { method: 'POST', token: joined.token, body: { text: 'Free parking for everyone' } });
  const { page } = convenor;
  await page.goto(`/convenor/priority-lists/${list}`);
  await page.getByRole('link', { name: 'Options (1 waiting)' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Free parking for everyone' });
  await row.getByText('Awaiting moderation').waitFor();
  await review(page, 'priorities-convenor-list-moderation');
  await row.getByLabel(/^Reason/).fill('Parking is for the council to decide');
  await row.getByRole('button', { name: /^Reject/ }).click();
  await page.getByRole('status').filter({ hasText: 'The moderation decision is saved.' }).waitFor();
  const mine = await api(`/api/priority-lists/${list}/me`, { token: joined.token });
  assert.equal(mine.options[0].status, 'rejected');
  assert.equal(mine.options[0].rejection_reason, 'Parking is for the council to decide');
});

test('the results are kept to convenors, and the list is closed after a confirmation', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/priority-lists/${list}`);
  await page.getByLabel('Only this partnership\'s convenors').check();
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await page.getByRole('status').filter({ hasText: 'The settings are saved.' }).waitFor();
  const refused = await fetch(`${new URL(page.url()).origin}/api/priority-lists/${list}/results`);
  assert.equal(refused.status, 403);
  const own = await page.request.get(`/api/priority-lists/${list}/results`);
  assert.equal(own.status(), 200);

  await page.getByRole('button', { name: 'Close the priority list…' }).click();
  await page.waitForURL(new RegExp(`/convenor/priority-lists/${list}/close\\??$`));
  await review(page, 'priorities-convenor-close');
  await page.getByRole('button', { name: 'Yes, close the priority list' }).click();
  await page.getByRole('status').filter({ hasText: 'The priority list is closed.' }).waitFor();
  await page.getByRole('button', { name: 'Reopen the priority list' }).waitFor();
  await review(page, 'priorities-convenor-list-closed');

  await page.goto(`/convenor/partnerships/${partnership}/priority-lists`);
  await page.getByRole('row').filter({ hasText: 'First steps' }).getByText('closed').waitFor();
  await review(page, 'priorities-convenor-lists');
});
