// Trust between partners in a real browser: a convenor opens a survey wave through the page; a
// partner's representative answers part of the survey, saves half-way, comes back to find the
// answers saved, is refused a submission with a partner left without a level (the answers kept,
// the error next to that partner), finishes and submits; another representative submits; the
// convenor reads the results: the network drawing and its table, the scores and the asymmetry
// panel; the representative reads them in aggregate. Every page is checked with axe-core at
// phone and desktop sizes and must not scroll sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPerson, review, signedInConvenor } from './lib.mjs';

const CARERS = 'Northvale Carers';
const TRUST = 'Northvale NHS Trust';
const WALKERS = 'Eastfield Walkers';

let browser;
let convenor;
let carers;
let trust;
let partnership;
let wave;

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

/** The section of the survey form about one other partner. */
function about(page, name) {
  return page.locator('section.trust-partner', { has: page.getByRole('heading', { level: 2, name: new RegExp(name) }) });
}

/** Answers the six items about `name` with `score`. */
async function rate(page, name, score) {
  const section = about(page, name);
  for (const select of await section.locator('select').all()) {
    await select.selectOption(score);
  }
}

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
  const { request } = convenor.page;
  partnership = (await (await request.post('/api/partnerships', { data: { name: 'Walking for health' } })).json()).id;
  carers = await representative(CARERS, 'voluntary', 'carers@walking.example');
  trust = await representative(TRUST, 'nhs', 'trust@walking.example');
  const walkers = await request.post(`/api/partnerships/${partnership}/partners`, { data: { name: WALKERS, sector: 'community' } });
  assert.equal(walkers.status(), 201, await walkers.text());
});

after(async () => {
  await browser?.close();
});

test('the convenor opens a survey wave', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/partnerships/${partnership}`);
  await page.getByRole('link', { name: 'Trust between partners' }).click();
  await page.getByRole('heading', { level: 1, name: 'Trust between partners' }).waitFor();
  await review(page, 'trust-waves-empty');
  await page.getByLabel('Title').fill('Spring 2027');
  await page.getByLabel('Protected: show answers only in aggregate (the default)').waitFor();
  assert.ok(await page.getByLabel('Protected: show answers only in aggregate (the default)').isChecked());
  await page.getByRole('button', { name: 'Open the wave' }).click();
  await page.waitForURL(/\/convenor\/trust-waves\/\d+\?notice=opened$/);
  wave = Number(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('heading', { level: 1, name: 'Wave 1: Spring 2027' }).waitFor();
  await page.getByText('No partner has submitted answers yet').waitFor();
  await review(page, 'trust-wave-opened');
});

test('a representative saves half-way, comes back, finishes and submits', async () => {
  const { page } = carers;
  await page.goto(`/convenor/partnerships/${partnership}/trust`);
  await review(page, 'trust-waves-representative');
  await page.getByRole('link', { name: new RegExp(`Answer for ${CARERS}`) }).click();
  await page.getByRole('heading', { level: 1, name: `Spring 2027: answers for ${CARERS}` }).waitFor();
  await review(page, 'trust-form');

  // Half-way: the NHS trust only.
  await about(page, TRUST).getByLabel(/^Coordination/).check();
  await rate(page, TRUST, '3');
  await page.getByLabel(`How reliable is ${TRUST}: does it do what it says it will?`).selectOption('');
  await about(page, TRUST).getByLabel('Specialist knowledge').check();
  await page.getByRole('button', { name: 'Save and finish later' }).click();
  await page.getByText(/^Saved\. Come back/).waitFor();

  // Coming back, the answers are there.
  await page.goto(`/convenor/partnerships/${partnership}/trust`);
  await page.getByText('draft saved, not yet submitted').waitFor();
  await page.getByRole('link', { name: new RegExp(`Answer for ${CARERS}`) }).click();
  assert.ok(await about(page, TRUST).getByLabel(/^Coordination/).isChecked());
  assert.equal(await page.getByLabel(`How reliable is ${TRUST}: does it do what it says it will?`).inputValue(), '');
  assert.equal(await page.getByLabel(`How open to discussion is ${TRUST}: does it listen and share?`).inputValue(), '3');
  assert.ok(await about(page, TRUST).getByLabel('Specialist knowledge').isChecked());

  // Submitting with the walkers left out is refused, next to them, with the answers kept.
  await page.getByRole('button', { name: 'Submit' }).click();
  const alert = await page.getByRole('alert').innerText();
  assert.match(alert, new RegExp(`${WALKERS}: Choose how closely you work with ${WALKERS}`));
  await about(page, WALKERS).getByText(`Choose how closely you work with ${WALKERS}`).waitFor();
  assert.ok(await about(page, TRUST).getByLabel(/^Coordination/).isChecked());
  await review(page, 'trust-form-error');

  // Finishing: the walkers, then submit.
  await about(page, WALKERS).getByLabel(/^Cooperation/).check();
  await rate(page, WALKERS, '4');
  await about(page, WALKERS).getByLabel('Links into communities').check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText(/^Submitted: your answers count in the results/).waitFor();
  await page.getByText('Submitted', { exact: true }).waitFor();
  await review(page, 'trust-form-submitted');
});

test('another representative submits at once', async () => {
  const { page } = trust;
  await page.goto(`/convenor/trust-waves/${wave}`);
  await page.getByRole('link', { name: new RegExp(`Answer for ${TRUST}`) }).click();
  await about(page, CARERS).getByLabel(/^Integration/).check();
  await rate(page, CARERS, '4');
  await about(page, WALKERS).getByLabel(/^Awareness/).check();
  await rate(page, WALKERS, '2');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText(/^Submitted: your answers count in the results/).waitFor();
});

test('the convenor reads the results; the representative reads them in aggregate', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/trust-waves/${wave}`);
  await page.getByText('2 of 3 partners submitted their answers (67%).').waitFor();
  const drawing = page.getByRole('img', { name: /The network of Spring 2027/ });
  await drawing.waitFor();
  assert.equal(await page.locator('svg.trust-network line').count(), 3);
  const ties = page.locator('#ties-table tbody tr');
  assert.equal(await ties.count(), 3);
  await page.locator('#ties-table').getByText('Integration').waitFor();
  await page.getByRole('heading', { name: 'Scores' }).waitFor();
  assert.equal(await page.locator('#scores-table tbody tr').count(), 3);
  await page.locator('#scores-table').getByText(/^4\.00$/).first().waitFor();
  await page.getByRole('heading', { name: /Asymmetry/ }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Community and voluntary partners and statutory partners' }).waitFor();
  await page.getByText(/Community and voluntary partners give statutory partners a mean trust of/).waitFor();
  await page.getByRole('link', { name: 'Download the survey (ZIP)' }).waitFor();
  await review(page, 'trust-results-convenor');

  const other = carers.page;
  await other.goto(`/convenor/trust-waves/${wave}`);
  await other.getByText('This wave protects raters').waitFor();
  assert.equal(await other.getByRole('heading', { name: 'Wave settings' }).count(), 0);
  assert.equal(await other.locator('#ties-table').getByText('Integration').count(), 0);
  await review(other, 'trust-results-representative');

  // The convenor closes the wave: the form takes no more answers.
  await page.getByRole('button', { name: 'Close the wave now' }).click();
  await page.getByText('The wave is closed: it takes no more answers.').waitFor();
  await review(page, 'trust-wave-closed');
  await other.goto(`/convenor/partnerships/${partnership}/trust`);
  assert.equal(await other.getByRole('link', { name: new RegExp(`Answer for ${CARERS}`) }).count(), 0);
});
