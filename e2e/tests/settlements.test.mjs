// Shared objectives in a real browser: a convenor drafts an objective from a dialogue's common
// ground, puts it to the partners; one representative objects with an amendment, another
// endorses with reservations; adopting is refused with the engine's reason; the convenor takes
// up the amendment as version 2, both partners endorse it and it is adopted; an action with a
// past due date shows as late, and its owner's representative reports progress; the convenor
// sees it on the accountability dashboard, publishes the outcomes page, and a member of the
// public, not signed in, reads it on a phone: the objective, the statement it rests on, the
// partners' stances and the late action. Every page is checked with axe-core at phone and
// desktop sizes and must not scroll sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, api, launch, newPerson, review, signedInConvenor, waitForAnalysis } from './lib.mjs';

const COMMON = 'Every park should have benches along its walking routes';
const DIVISIVE = 'Parks should close at dusk';
const TITLE = 'Benches in every park';
const AMENDMENT = 'Benches along the walking routes of every park, and shade over the benches near play areas.';

let browser;
let convenor;
let carers;
let trust;
let partnership;
let objective;

/** A representative for a new partner: invited by the convenor, accepted in their own browser. */
async function representative(name, sector, email) {
  const request = convenor.page.request;
  const partner = await (await request.post(`/api/partnerships/${partnership}/partners`, { data: { name, sector } })).json();
  const invited = await request.post(`/api/partnerships/${partnership}/partners/${partner.id}/invitations`, { data: {} });
  assert.equal(invited.status(), 201, await invited.text());
  const { token } = await invited.json();
  const person = await newPerson(browser);
  const accepted = await person.page.request.post('/api/invitations/accept', {
    data: { token, email, password: 'a long partner passphrase' },
  });
  assert.equal(accepted.status(), 200, await accepted.text());
  return person;
}

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
  const { request } = convenor.page;
  partnership = (await (await request.post('/api/partnerships', { data: { name: 'Parks for health' } })).json()).id;
  carers = await representative('Northvale Carers', 'voluntary', 'carers@parks.example');
  trust = await representative('Northvale NHS Trust', 'nhs', 'trust@parks.example');
});

after(async () => {
  await browser?.close();
});

test('the public finds common ground in a dialogue of the partnership', async () => {
  const { request } = convenor.page;
  const created = await request.post('/api/dialogues', {
    data: {
      partnership_id: partnership,
      title: 'Our parks',
      question: 'What would make the parks better for health?',
      constituencies: [{ name: 'Resident', kind: 'lay' }, { name: 'GP', kind: 'professional' }],
      statements: [COMMON, DIVISIVE],
    },
  });
  assert.equal(created.status(), 201, await created.text());
  const dialogue = (await created.json()).id;
  const statements = (await (await request.get(`/api/dialogues/${dialogue}/statements`)).json()).statements;
  let votes = 0;
  for (let index = 0; index < 16; index += 1) {
    const constituencies = [index % 2 === 0 ? 'Resident' : 'GP'];
    const joined = await api(`/api/dialogues/${dialogue}/participants`, { method: 'POST', body: { constituencies } });
    for (const statement of statements) {
      const vote = statement.text === COMMON ? 'agree' : (index % 4 < 2 ? 'agree' : 'disagree');
      await api(`/api/dialogues/${dialogue}/votes`, { method: 'POST', token: joined.token, body: { statement_id: statement.id, vote } });
      votes += 1;
    }
  }
  await waitForAnalysis(request, dialogue, votes);
});

test('the convenor drafts an objective from common ground and puts it to the partners', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/partnerships/${partnership}`);
  await page.getByRole('link', { name: 'Shared objectives and actions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Shared objectives' }).waitFor();
  await review(page, 'objectives-convenor');

  // A mistake keeps what was typed.
  await page.getByLabel('What the partners would agree to').fill('The partners fund benches along the walking routes.');
  await page.getByLabel(new RegExp(COMMON)).check();
  await page.getByLabel('Title').fill('\u202eTitle');
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByLabel('What the partners would agree to').inputValue(), 'The partners fund benches along the walking routes.');
  assert.ok(await page.getByLabel(new RegExp(COMMON)).isChecked());
  await review(page, 'objectives-draft-error');

  await page.getByLabel('Title').fill(TITLE);
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await page.waitForURL(/\/convenor\/objectives\/\d+$/);
  objective = Number(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('heading', { name: 'What the public said' }).waitFor();
  await page.getByText(COMMON).first().waitFor();
  await page.getByText(/as it stood on \d{4}-\d{2}-\d{2}/).waitFor();
  await review(page, 'objective-draft');
  await page.getByRole('button', { name: 'Put to the partners' }).click();
  await page.getByText(/^In negotiation: /).waitFor();
});

test('one partner objects with an amendment, another endorses with reservations', async () => {
  const { page } = carers;
  await page.goto('/convenor/questions');
  await page.getByRole('link', { name: TITLE }).waitFor();
  await review(page, 'questions-representative');
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { name: 'Your stance for Northvale Carers' }).waitFor();
  await page.getByLabel('Object', { exact: true }).check();
  await page.getByRole('button', { name: /Record the stance/ }).click();
  await page.getByRole('alert').waitFor();
  await review(page, 'stance-error');
  await page.getByLabel('Object', { exact: true }).check();
  await page.getByLabel(/Reservations, or the reason for objecting/).fill('Benches without shade are no use to carers in summer.');
  await page.getByLabel(/Proposed amendment/).fill(AMENDMENT);
  await page.getByRole('button', { name: /Record the stance/ }).click();
  await page.getByText('Northvale Carers has recorded: Object.').waitFor();
  await review(page, 'objective-representative');

  const other = trust.page;
  await other.goto(`/convenor/objectives/${objective}`);
  await other.getByLabel('Endorse with reservations').check();
  await other.getByLabel(/Reservations, or the reason for objecting/).fill('The trust funds one year only.');
  await other.getByRole('button', { name: /Record the stance/ }).click();
  await other.getByText('Northvale NHS Trust has recorded: Endorse with reservations.').waitFor();
});

test('adoption waits for the rule; the amendment becomes version 2, which is adopted', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/objectives/${objective}`);
  await page.getByRole('heading', { level: 3, name: 'NHS' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Voluntary sector' }).waitFor();
  await page.getByText(`Proposed amendment: ${AMENDMENT}`).first().waitFor();
  await page.getByRole('button', { name: 'Adopt version 1' }).click();
  const refusal = await page.getByRole('alert').innerText();
  assert.match(refusal, /decision rule is not met/);
  assert.match(refusal, /Northvale Carers/);
  await review(page, 'objective-adopt-refused');

  await page.getByRole('link', { name: /Take up this amendment/ }).click();
  assert.equal(await page.getByLabel('Text', { exact: true }).inputValue(), AMENDMENT);
  await page.getByRole('button', { name: 'Save version 2' }).click();
  await page.getByText('Version 2', { exact: true }).waitFor();
  await page.getByText(/Takes up the amendment Northvale Carers proposed to version 1/).waitFor();

  for (const person of [carers, trust]) {
    await person.page.goto(`/convenor/objectives/${objective}`);
    await person.page.getByLabel('Endorse', { exact: true }).check();
    await person.page.getByRole('button', { name: /Record the stance/ }).click();
    await person.page.getByText(/has recorded: Endorse\./).waitFor();
  }
  // The stance on version 1 is kept and shown.
  await carers.page.getByText('On version 1: Object').waitFor();

  await page.reload();
  await page.getByRole('button', { name: 'Adopt version 2' }).click();
  await page.getByText(/^Adopted: all 2 partners endorse/).waitFor();
  await review(page, 'objective-adopted');
});

test('an action past its due date shows as late, and its owner reports progress', async () => {
  const { page } = convenor;
  await page.getByLabel('What will be done').fill('Install 40 benches with shade');
  await page.getByLabel('Owned by').selectOption({ label: 'Northvale Carers' });
  await page.getByLabel('Northvale NHS Trust').check();
  await page.getByLabel('Lead role').fill('Parks volunteer coordinator');
  await page.getByLabel(/Due date/).fill('2024-01-31');
  await page.getByRole('button', { name: 'Add the action' }).click();
  await page.getByText(/^Late: \d+ days past its due date$/).waitFor();
  await review(page, 'objective-actions');

  const owner = carers.page;
  await owner.goto('/convenor/questions');
  await owner.getByText(/^Late: \d+ days past its due date$/).waitFor();
  await owner.getByLabel('Status').selectOption('in_progress');
  await owner.getByLabel('Progress note').fill('The first ten benches are ordered.');
  await owner.getByRole('button', { name: /Add the note/ }).click();
  await owner.waitForURL(/\/convenor\/questions$/);
  await owner.getByText('The first ten benches are ordered.').waitFor();
  await review(owner, 'questions-actions');
});

test('the dashboard flags the late action, and the published outcomes page shows it to the public', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/partnerships/${partnership}/accountability`);
  const late = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Late' }) });
  await late.getByText('Install 40 benches with shade').waitFor();
  await late.getByText(/^Late by \d+ days$/).first().waitFor();
  await review(page, 'accountability-dashboard');

  // Before publication the public gets no page (the browser logs the 404, so a person of its own).
  const early = await newPerson(browser, { viewport: PHONE });
  const hidden = await early.page.goto(`/p/${partnership}/outcomes`);
  assert.equal(hidden.status(), 404);
  await early.context.close();

  await page.goto(`/convenor/partnerships/${partnership}`);
  await page.getByRole('button', { name: 'Publish the outcomes page' }).click();
  await page.getByRole('button', { name: 'Take the outcomes page down' }).waitFor();

  const stranger = await newPerson(browser, { viewport: PHONE });
  const shown = await stranger.page.goto(`/p/${partnership}/outcomes`);
  assert.equal(shown.status(), 200);
  const outcome = stranger.page.locator('article.outcome', {
    has: stranger.page.getByRole('heading', { level: 2, name: TITLE }),
  });
  await outcome.getByText(`“${COMMON}”`).waitFor();
  await outcome.getByText(/in its version 2/).waitFor();
  await outcome.getByText('Northvale Carers', { exact: true }).waitFor();
  await outcome.getByText('Northvale NHS Trust', { exact: true }).waitFor();
  const action = outcome.getByRole('listitem').filter({ hasText: 'Install 40 benches with shade' });
  await action.getByText('In progress').waitFor();
  await action.getByText(/^Late by \d+ days$/).waitFor();
  assert.equal(await stranger.page.getByText('Preview: this page is not public yet.').count(), 0);
  await review(stranger.page, 'outcomes-public');

  // The same page in Urdu runs right to left, keeps what the partners wrote as written, and
  // passes the same checks.
  await stranger.page.goto(`/p/${partnership}/outcomes?lang=ur`);
  assert.equal(await stranger.page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await stranger.page.locator('html').getAttribute('lang'), 'ur');
  const inUrdu = stranger.page.locator('article.outcome', {
    has: stranger.page.getByRole('heading', { level: 2, name: TITLE }),
  });
  await inUrdu.getByText('Northvale Carers', { exact: true }).waitFor();
  assert.equal(await stranger.page.getByText('You said, we did').count(), 0);
  await review(stranger.page, 'outcomes-urdu');
  assert.deepEqual(stranger.problems, []);
  await stranger.context.close();
});
