// Translations and easy read in a real browser: a convenor adds a Welsh and an Urdu translation
// and an easy-read version of a statement on the convenors' page; a Welsh reader, an Urdu
// reader (right to left) and an easy-read reader each see their version, marked, with the
// original one tap away, and vote; the analysis counts every vote on the one statement. Every
// page is checked with axe-core at phone and desktop sizes, photographed, and must not scroll
// sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, launch, newPerson, review, signedInConvenor, waitForAnalysis } from './lib.mjs';

// One statement, so that every reader is shown it whatever the routing chooses.
const STATEMENTS = ['The surgery should open on Saturday mornings'];
const WELSH = 'Dylai\'r feddygfa agor ar fore Sadwrn';
const URDU = 'سرجری کو ہفتے کی صبح کھلنا چاہیے';
const EASY = 'The doctor should be open on Saturday morning.';

let browser;
let convenor;
let dialogue;
let statement;

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
  const { page } = convenor;
  await page.goto('/convenor');
  await page.getByLabel('Name', { exact: true }).fill('Cwm Taf carers partnership');
  await page.getByRole('button', { name: 'Create the partnership' }).click();
  await page.waitForURL(/\/convenor\/partnerships\/\d+$/);
  const partnership = Number(new URL(page.url()).pathname.split('/').pop());
  const created = await page.request.post('/api/dialogues', {
    data: {
      partnership_id: partnership,
      title: 'Our surgery',
      question: 'What would make the surgery easier to reach?',
      statements: STATEMENTS,
    },
  });
  assert.equal(created.status(), 201, await created.text());
  dialogue = (await created.json()).id;
  const listed = await (await page.request.get(`/api/dialogues/${dialogue}/versions`)).json();
  statement = listed.statements.find((entry) => entry.text === STATEMENTS[0]).statement_id;
});

after(async () => {
  await convenor?.context.close();
  await browser?.close();
});

/** Adds a version of the first statement with the form on the convenors' page. */
async function addVersion(page, language, kind, text) {
  const card = page.locator('.version-card').filter({ has: page.getByRole('heading', { name: STATEMENTS[0] }) });
  await card.getByLabel('Language', { exact: true }).selectOption(language);
  await card.getByLabel('Kind', { exact: true }).selectOption(kind);
  await card.getByLabel(/^Text/).fill(text);
  await Promise.all([page.waitForURL(/done=put/), card.getByRole('button', { name: /Save the version/ }).click()]);
}

test('a convenor adds translations and an easy-read version on the page', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/dialogues/${dialogue}`);
  await page.getByRole('link', { name: 'Translations and easy read' }).click();
  await page.getByRole('heading', { name: 'Translations and easy read', level: 1 }).waitFor();
  await addVersion(page, 'cy', 'translation', WELSH);
  await addVersion(page, 'ur', 'translation', URDU);
  await addVersion(page, 'en', 'easy-read', EASY);
  await page.getByText(WELSH).waitFor();
  await page.getByText(URDU).waitFor();
  // A translation into the statement's own language is refused, saying why.
  await addVersionRefused(page);
  await review(page, 'versions-convenor');
});

async function addVersionRefused(page) {
  const card = page.locator('.version-card').filter({ has: page.getByRole('heading', { name: STATEMENTS[0] }) });
  await card.getByLabel('Language', { exact: true }).selectOption('en');
  await card.getByLabel('Kind', { exact: true }).selectOption('translation');
  await card.getByLabel(/^Text/).fill('The surgery should open on Saturdays');
  await Promise.all([page.waitForEvent('load'), card.getByRole('button', { name: /Save the version/ }).click()]);
  await page.getByRole('alert').filter({ hasText: 'needs no translation' }).waitFor();
}

/** Joins as a new person with the given query on the first page; returns them on the vote page. */
async function joinWith(query, options = {}) {
  const person = await newPerson(browser, { viewport: PHONE, ...options });
  await person.page.goto(`/d/${dialogue}${query}`);
  await Promise.all([person.page.waitForEvent('load'), person.page.locator('form[action$="/join"] button[type=submit]').click()]);
  await person.page.locator('#statement-text').waitFor();
  return person;
}

test('a Welsh reader sees the Welsh translation with the original one tap away, and votes', async () => {
  const person = await joinWith('?lang=cy');
  const { page, problems } = person;
  assert.equal(await page.locator('#statement-text').innerText(), WELSH);
  assert.equal(await page.locator('#statement-text').getAttribute('lang'), 'cy');
  await page.getByText('Cyfieithiad', { exact: true }).waitFor();
  const original = page.locator('details.original');
  assert.equal(await original.getAttribute('open'), null);
  await original.locator('summary').click();
  assert.equal(await original.locator('p').innerText(), STATEMENTS[0]);
  assert.equal(await original.locator('p').getAttribute('lang'), 'en');
  await review(page, 'versions-vote-cy');
  await page.getByRole('button', { name: 'Cytuno' }).click();
  await page.locator('#done-heading').waitFor();
  assert.deepEqual(problems, []);
  await person.context.close();
});

test('an Urdu reader sees the Urdu translation right to left, and votes', async () => {
  const person = await joinWith('?lang=ur');
  const { page, problems } = person;
  assert.equal(await page.locator('#statement-text').innerText(), URDU);
  assert.equal(await page.locator('#statement-text').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('main').evaluate((main) => getComputedStyle(main).direction), 'rtl');
  await page.getByText('ترجمہ', { exact: true }).waitFor();
  await page.locator('details.original summary').click();
  // The original is what its writer wrote: the browser finds its direction, English here.
  const original = page.locator('details.original p');
  assert.equal(await original.getAttribute('dir'), 'auto');
  assert.equal(await original.evaluate((p) => getComputedStyle(p).direction), 'ltr');
  await review(page, 'versions-vote-ur');
  await page.getByRole('button', { name: 'متفق', exact: true }).click();
  await page.locator('#done-heading').waitFor();
  assert.deepEqual(problems, []);
  await person.context.close();
});

test('an easy-read reader gets larger type, simpler words and symbols, and votes', async () => {
  const person = await joinWith('?lang=en');
  const { page, problems } = person;
  const standardSize = await page.locator('#statement-text').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  await Promise.all([page.waitForURL(/easy=1/), page.getByRole('navigation', { name: 'How to read' }).getByRole('link', { name: 'Easy read' }).click()]);
  assert.equal(await page.locator('main').getAttribute('class'), 'easy-read');
  assert.equal(await page.locator('#statement-text').innerText(), EASY);
  const easySize = await page.locator('#statement-text').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  assert.ok(easySize > standardSize, `easy read is larger: ${easySize} > ${standardSize}`);
  await page.getByRole('heading', { name: 'Do you agree?' }).waitFor();
  await page.getByText('Read the sentence. Then press one button.').waitFor();
  await page.getByText('Easy-read version', { exact: true }).waitFor();
  assert.equal(await page.locator('.choice-symbol').count(), 3);
  await review(page, 'versions-vote-easy');
  // The choice is remembered on the next page, in Welsh too.
  await page.goto(`/d/${dialogue}?lang=cy`);
  await page.getByRole('heading', { name: 'Ydych chi\'n cytuno?' }).waitFor();
  await review(page, 'versions-vote-easy-cy');
  await page.getByRole('button', { name: 'Na, dw i ddim yn cytuno' }).click();
  await page.getByRole('heading', { name: 'Rydych chi wedi ateb y cyfan' }).waitFor();
  await review(page, 'versions-done-easy-cy');
  assert.deepEqual(problems, []);
  await person.context.close();
});

test('the analysis counts the votes on every version as votes on the one statement', async () => {
  const { page } = convenor;
  await waitForAnalysis(page.request, dialogue, 3);
  const analysis = await (await page.request.get(`/api/dialogues/${dialogue}/analysis`)).json();
  const counted = analysis.statements.find((entry) => entry.id === statement);
  assert.deepEqual(counted.votes, { agree: 2, disagree: 1, pass: 0 });
});
