// Paper participation: a convenor invites a facilitator, who accepts in their own browser,
// prints a sheet of 100 cards and keys all 100 on the entry screen, one form per card, by
// typing the code and pressing Enter, in under two minutes; the report's voice audit then
// shows the paper channel beside the online one. Every page is checked with axe-core at phone
// and desktop sizes, must not scroll sideways at 390 px, and is photographed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, api, launch, newPerson, review, signedInConvenor, waitForAnalysis } from './lib.mjs';

const TITLE = 'Northvale community health day';
const STATEMENTS = [
  'The health centre should open on Saturday mornings',
  'Pharmacists should be able to treat more minor illnesses',
  'A walking group should start from the library',
  'Appointments should be bookable by phone as well as online',
];
const FACILITATOR = 'jo@northvale-events.example';
const CARDS = 100;
const ONLINE = 6;

let browser;
let convenor;

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
});

after(async () => {
  await browser?.close();
});

test('a facilitator keys 100 paper cards and the report reads them by channel', async () => {
  const { page } = convenor;
  const partnership = await (await page.request.post('/api/partnerships', { data: { name: 'Northvale Health' } })).json();
  const created = await page.request.post('/api/dialogues', {
    data: {
      partnership_id: partnership.id,
      title: TITLE,
      question: 'What would make health care in Northvale easier to use?',
      constituencies: [{ name: 'Resident', kind: 'lay' }, { name: 'Carer', kind: 'lay' }],
      statements: STATEMENTS,
    },
  });
  assert.equal(created.status(), 201, await created.text());
  const dialogue = (await created.json()).id;
  const statements = (await (await page.request.get(`/api/dialogues/${dialogue}/statements`)).json()).statements;

  // A few people take part online.
  for (let person = 0; person < ONLINE; person += 1) {
    const joined = await api(`/api/dialogues/${dialogue}/participants`, { method: 'POST', body: { constituencies: ['Resident'] } });
    for (const statement of statements) {
      await api(`/api/dialogues/${dialogue}/votes`, { method: 'POST', token: joined.token, body: { statement_id: statement.id, vote: 'agree' } });
    }
  }

  // The convenor invites a facilitator from the dialogue's page.
  await page.goto(`/convenor/dialogues/${dialogue}`);
  await page.getByRole('link', { name: 'paper cards and facilitators' }).click();
  await page.getByRole('heading', { level: 1, name: 'Facilitators' }).waitFor();
  await page.getByLabel('Their email address', { exact: false }).fill(FACILITATOR);
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  assert.match(link, /\/invite\/[0-9a-f]{64}$/);
  await review(page, 'facilitators');

  // The facilitator accepts in a browser of their own and lands on the entry screen.
  const helper = await newPerson(browser);
  const facilitator = helper.page;
  await facilitator.goto(new URL(link).pathname);
  await facilitator.getByRole('heading', { level: 1, name: `Facilitate ${TITLE}` }).waitFor();
  await review(facilitator, 'facilitator-invitation');
  await facilitator.getByLabel(/^Password/).fill('a long facilitator passphrase');
  await facilitator.getByRole('button', { name: 'Create my account and accept' }).click();
  await facilitator.waitForURL(new RegExp(`/facilitator/dialogues/${dialogue}/cards$`));
  await facilitator.getByRole('heading', { level: 1, name: 'Key cards' }).waitFor();
  // A facilitator does not convene.
  const refused = await facilitator.request.get(`/api/dialogues/${dialogue}/statements`);
  assert.equal(refused.status(), 403);

  // The card sheet: one card per person, each with its own code.
  await facilitator.getByRole('link', { name: 'Print a sheet of blank cards' }).click();
  await facilitator.getByRole('heading', { level: 1, name: 'Cards to print' }).waitFor();
  await facilitator.getByLabel('Number of cards').fill(String(CARDS));
  await facilitator.getByRole('button', { name: 'Make the sheet' }).click();
  await facilitator.waitForURL(new RegExp(`/sheet\\?cards=${CARDS}$`));
  const codes = await facilitator.locator('.paper-card__code strong').allTextContents();
  assert.equal(codes.length, CARDS);
  assert.equal(new Set(codes).size, CARDS, 'every card has a code of its own');
  await facilitator.emulateMedia({ media: 'print' });
  await facilitator.screenshot({ path: join(SCREENSHOTS, 'card-sheet-print.png') });
  await facilitator.emulateMedia({ media: 'screen' });
  await facilitator.goto(`/facilitator/dialogues/${dialogue}/sheet?cards=3`);
  await review(facilitator, 'card-sheet');

  // Keying: type the code, tick the boxes with the keyboard, press Enter, next card.
  await facilitator.goto(`/facilitator/dialogues/${dialogue}/cards`);
  await review(facilitator, 'card-entry');
  const started = Date.now();
  for (const [index, code] of codes.entries()) {
    const codeField = facilitator.getByLabel('Participant code', { exact: true }).first();
    await codeField.fill(code.toLowerCase());
    await facilitator.getByRole('checkbox', { name: index % 2 === 0 ? 'Resident' : 'Carer' }).check();
    for (const [position, statement] of statements.entries()) {
      // The first box of each row takes the focus; arrow keys move within the row.
      const row = facilitator.locator(`input[name="s${statement.id}"]`);
      await row.first().focus();
      const steps = (index + position) % 3;
      if (steps === 0) {
        await facilitator.keyboard.press('Space');
      }
      for (let step = 0; step < steps; step += 1) {
        await facilitator.keyboard.press('ArrowRight');
      }
    }
    await codeField.press('Enter');
    await facilitator.getByText(`Card ${code} saved: ${statements.length} votes, a new participant.`).waitFor();
  }
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 120_000, `100 cards keyed in ${elapsed} ms, more than two minutes`);
  console.log(`${CARDS} cards keyed in ${elapsed} ms`);
  await review(facilitator, 'card-entry-saved');
  assert.deepEqual(helper.problems, []);

  // Keying a card twice asks before replacing it (a 409 page, which the browser logs).
  await facilitator.getByLabel('Participant code', { exact: true }).first().fill(codes[0]);
  await facilitator.getByLabel('Participant code', { exact: true }).first().press('Enter');
  await facilitator.getByText('A card with this participant code was keyed already.', { exact: false }).waitFor();
  await facilitator.getByRole('button', { name: 'Replace the earlier card with this one' }).waitFor();
  await review(facilitator, 'card-entry-duplicate');

  // The report: paper participants count, and the voice audit reads the votes by channel.
  const votes = ONLINE * statements.length + CARDS * statements.length;
  const recompute = await page.request.post(`/api/dialogues/${dialogue}/analysis`);
  assert.equal(recompute.status(), 202);
  await waitForAnalysis(page.request, dialogue, votes);
  await page.goto(`/d/${dialogue}/report`);
  await page.getByRole('heading', { name: 'By channel' }).waitFor();
  const paperRow = page.getByRole('table', { name: 'Participation by channel' }).getByRole('row', { name: /Paper/ });
  await paperRow.getByRole('cell', { name: String(CARDS), exact: true }).waitFor();
  await page.getByRole('table', { name: 'Participation by channel' }).getByRole('row', { name: /Online/ }).waitFor();
  await review(page, 'report-by-channel');
  assert.deepEqual(convenor.problems, []);
});
