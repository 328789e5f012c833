// The system map in a real browser: a convenor starts a map through the page; two partners'
// representatives propose factors and links for their partners through the forms; the hospital
// disputes the carers' link, which comes out contested with the loop through it; the loop is
// highlighted on the drawing; the ripple of speeding up discharge is read, naming the carers'
// area it reaches; the action pinned to the map shows its ripple on its objective's page. Every
// page is checked with axe-core at phone and desktop sizes and must not scroll sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPerson, review, signedInConvenor } from './lib.mjs';

const CARERS = 'Northvale Carers';
const HOSPITAL = 'Northvale Hospitals';
const DISCHARGE = 'Speed of hospital discharge';
const STRAIN = 'Strain on unpaid carers';
const ADMISSIONS = 'Emergency admissions';

let browser;
let convenor;
let carers;
let hospital;
let partnership;
let map;

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
  return { ...person, partner: partner.id };
}

/** Proposes a factor owned by the representative's own partner. */
async function proposeFactor(person, name, owner) {
  const { page } = person;
  await page.goto(`/convenor/maps/${map}#propose`);
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel('Whose area it is').selectOption({ label: owner });
  await page.getByRole('button', { name: 'Propose the factor' }).click();
  await page.getByText('The factor is on the map.').waitFor();
}

/** Proposes "more of `from` leads to more of `to`". */
async function proposeLink(person, from, to) {
  const { page } = person;
  await page.goto(`/convenor/maps/${map}#propose`);
  await page.getByLabel('More of', { exact: true }).selectOption({ label: from });
  await page.getByLabel('More (+)').check();
  await page.getByLabel('of', { exact: true }).selectOption({ label: to });
  await page.getByLabel(/^Evidence/).fill('Raised at the partnership meeting in March');
  await page.getByRole('button', { name: 'Propose the link' }).click();
  await page.getByText('The link is on the map.').waitFor();
}

/** The list item of the link from `from` to `to`. */
function link(page, from, to) {
  return page.locator('li.map-link').filter({ hasText: `${from} +→ ${to}` });
}

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
  const { request } = convenor.page;
  partnership = (await (await request.post('/api/partnerships', { data: { name: 'Ageing well in Northvale' } })).json()).id;
  carers = await representative(CARERS, 'voluntary', 'carers@map.example');
  hospital = await representative(HOSPITAL, 'nhs', 'hospital@map.example');
});

after(async () => {
  await browser?.close();
});

test('the convenor starts a map', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/partnerships/${partnership}`);
  await page.getByRole('link', { name: 'System maps' }).click();
  await page.getByRole('heading', { level: 1, name: 'System maps' }).waitFor();
  await page.getByText('No map yet.').waitFor();
  await review(page, 'map-list-empty');
  await page.getByLabel('Title').fill('Healthy ageing');
  await page.getByLabel(/^What the map is for/).fill('How a faster discharge reaches unpaid carers');
  await page.getByRole('button', { name: 'Start the map' }).click();
  await page.waitForURL(/\/convenor\/maps\/\d+\?notice=created$/);
  map = Number(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('heading', { level: 1, name: 'Healthy ageing' }).waitFor();
  await page.getByText('The map has no factors yet.').waitFor();
  await review(page, 'map-empty');
});

test('two representatives propose factors and links for their partners', async () => {
  await proposeFactor(carers, STRAIN, CARERS);
  await proposeFactor(hospital, DISCHARGE, HOSPITAL);
  await proposeFactor(hospital, ADMISSIONS, HOSPITAL);
  await review(hospital.page, 'map-factors');
  await proposeLink(carers, DISCHARGE, STRAIN);
  await proposeLink(carers, STRAIN, ADMISSIONS);
  await proposeLink(hospital, ADMISSIONS, DISCHARGE);
  const { page } = hospital;
  await page.goto(`/convenor/maps/${map}`);
  await page.getByRole('img', { name: /Healthy ageing/ }).waitFor();
  assert.equal(await page.locator('li.map-link').count(), 3);
  assert.equal(await page.locator(`#system-map-table tbody tr`).count(), 3);
});

test('the hospital disputes the carers\' link, and the loop through it is marked', async () => {
  for (const [person, judgment] of [[hospital, 'Disagree'], [carers, 'Agree']]) {
    const { page } = person;
    await page.goto(`/convenor/maps/${map}#links`);
    const item = link(page, DISCHARGE, STRAIN);
    await item.getByLabel(judgment, { exact: true }).check();
    await item.getByRole('button', { name: /^Save/ }).click();
    await page.getByText('Your partner\'s judgment is saved.').waitFor();
  }
  const { page } = convenor;
  await page.goto(`/convenor/maps/${map}`);
  const disputed = link(page, DISCHARGE, STRAIN);
  await disputed.getByText('Contested', { exact: true }).waitFor();
  await disputed.getByText(/Partners: 1 agree, 1 disagree, 0 unsure/).waitFor();
  const loops = page.locator('#loops');
  await loops.getByText('1 loop: 1 reinforcing and 0 balancing.').waitFor();
  await loops.getByText('runs through a contested link').waitFor();
  await review(page, 'map-contested');
});

test('a loop is highlighted on the drawing', async () => {
  const { page } = carers;
  await page.goto(`/convenor/maps/${map}#loops`);
  await page.getByRole('link', { name: 'Highlight loop 1 on the map' }).click();
  await page.waitForURL(/\?loop=1#map$/);
  await page.locator('#loops').getByText('highlighted on the map').waitFor();
  await page.getByRole('link', { name: 'Show the whole map again' }).waitFor();
  assert.equal(await page.locator('#system-map-table tr.is-highlighted').count(), 3);
  await review(page, 'map-loop');
});

test('the ripple of speeding up discharge reaches the carers', async () => {
  const { page } = hospital;
  await page.goto(`/convenor/maps/${map}#ripple`);
  await page.getByLabel('Factor', { exact: true }).selectOption({ label: DISCHARGE });
  await page.getByLabel('Up: more of it').check();
  await page.getByLabel(/^Links to follow/).fill('2');
  await page.getByRole('button', { name: 'Show the ripple' }).click();
  await page.waitForURL(/push=up/);
  const ripple = page.locator('#ripple');
  await ripple.getByText(`Reaches other partners' areas: ${CARERS}.`).waitFor();
  await ripple.getByText(`${STRAIN}: goes up, 1 link away`).waitFor();
  await ripple.getByText(`${ADMISSIONS}: goes up, 2 links away`).waitFor();
  await ripple.getByText('The action enters 1 feedback loop:').waitFor();
  await review(page, 'map-ripple');
});
