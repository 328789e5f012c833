// A convenor invites a co-convenor from the partnership's page; the person invited opens the
// single-use link in their own browser, makes a convenor account and lands on the partnership,
// which they now convene. A revoked link then says so. Every page is checked with axe-core at
// phone and desktop sizes, must not scroll sideways at 390 px, and is photographed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EMAIL, launch, newPerson, review, signedInConvenor } from './lib.mjs';

const PARTNERSHIP = 'Warm homes in Northvale';
const CO_CONVENOR = 'sam@warmhomes.example';
const CO_PASSWORD = 'a long co-convenor passphrase';

let browser;
let convenor;

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
});

after(async () => {
  await browser?.close();
});

test('a convenor invites a co-convenor, who accepts in another browser and convenes', async () => {
  const { page } = convenor;
  const created = await page.request.post('/api/partnerships', { data: { name: PARTNERSHIP } });
  assert.equal(created.status(), 201, await created.text());
  const partnership = (await created.json()).id;

  await page.goto(`/convenor/partnerships/${partnership}`);
  await page.getByRole('heading', { level: 3, name: 'Invite a convenor' }).waitFor();
  await page.getByLabel('Their email address', { exact: false }).fill(CO_CONVENOR);
  await page.getByLabel('Days the link stays valid').fill('7');
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  const link = await page.getByLabel('Link', { exact: true }).inputValue();
  assert.match(link, /\/invite\/[0-9a-f]{64}$/);
  const row = page.getByRole('row', { name: new RegExp(CO_CONVENOR) });
  await row.getByRole('cell', { name: 'pending' }).waitFor();
  await review(page, 'convenor-invitation-made');

  // The person invited opens the link in a browser of their own.
  const person = await newPerson(browser);
  const invited = person.page;
  const path = new URL(link).pathname;
  await invited.goto(path);
  await invited.getByRole('heading', { level: 1, name: `Convene ${PARTNERSHIP}` }).waitFor();
  await invited.getByText(`This invitation is for ${CO_CONVENOR}.`).waitFor();
  await review(invited, 'convenor-invitation');
  assert.equal(await invited.getByLabel('Email address').inputValue(), CO_CONVENOR);
  await invited.getByLabel(/^Password/).fill(CO_PASSWORD);
  await invited.getByRole('button', { name: 'Create my account and accept' }).click();
  await invited.waitForURL(new RegExp(`/convenor/partnerships/${partnership}$`));
  await invited.getByRole('heading', { level: 1, name: PARTNERSHIP }).waitFor();
  await invited.getByText('Convenor', { exact: true }).waitFor();
  await invited.getByRole('link', { name: 'Start a new dialogue' }).waitFor();
  await invited.getByRole('listitem').filter({ hasText: EMAIL }).waitFor();
  await review(invited, 'partnership-co-convenor');
  assert.deepEqual(person.problems, []);

  // The convenor sees it accepted; a second link, for anyone, is revoked before use.
  await page.goto(`/convenor/partnerships/${partnership}`);
  await page.getByRole('row', { name: new RegExp(CO_CONVENOR) }).getByRole('cell', { name: 'accepted' }).waitFor();
  await page.getByLabel('Their email address', { exact: false }).fill('');
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  const second = await page.getByLabel('Link', { exact: true }).inputValue();
  await page.getByRole('button', { name: /Revoke/ }).click();
  await page.waitForURL(/notice=invitation-revoked$/);
  await page.getByText('The invitation to convene was revoked.').waitFor();
  await page.getByRole('row', { name: /anyone with the link/ }).getByRole('cell', { name: 'revoked' }).waitFor();
  await review(page, 'convenor-invitation-revoked');

  const stranger = await newPerson(browser);
  const refused = await stranger.page.goto(new URL(second).pathname);
  assert.equal(refused.status(), 410);
  await stranger.page.getByText('This invitation was withdrawn.').waitFor();
  await review(stranger.page, 'convenor-invitation-withdrawn');
  assert.deepEqual(convenor.problems, []);
});
