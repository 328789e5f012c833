// A convenor invites a person to speak for a partner; the person opens the link, makes an
// account, is signed in, sees the partnership and the dialogue shared with partners, signs out
// and signs in again. A used link then says so. Every page is checked with axe-core and
// photographed at phone and desktop sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPerson, review, signedInConvenor } from './lib.mjs';

const PARTNERSHIP = 'Healthy ageing in Northvale';
const PARTNER = 'Northvale Carers Centre';
const REPRESENTATIVE = 'amira@carers.example';
const REPRESENTATIVE_PASSWORD = 'a long carers passphrase';

let browser;
let convenor;
let partnership;

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
});

after(async () => {
  await browser?.close();
});

test('a convenor invites a representative, who accepts, signs in and sees what is shared', async () => {
  const { page } = convenor;
  await page.goto('/convenor');
  await page.getByLabel('Name', { exact: true }).fill(PARTNERSHIP);
  await page.getByRole('button', { name: 'Create the partnership' }).click();
  await page.waitForURL(/\/convenor\/partnerships\/\d+$/);
  partnership = Number(new URL(page.url()).pathname.split('/').pop());

  await page.getByLabel('Organisation name').fill(PARTNER);
  await page.getByLabel('Sector').selectOption('voluntary');
  await page.getByRole('button', { name: 'Add the partner' }).click();
  await page.getByRole('link', { name: PARTNER }).click();
  await page.getByRole('heading', { level: 1, name: PARTNER }).waitFor();
  await page.getByLabel(/Their email address/).fill(REPRESENTATIVE);
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  const link = await page.getByLabel('Link', { exact: true }).inputValue();
  assert.match(link, /\/invite\/[0-9a-f]{64}$/);
  await review(page, 'partner-invitation');

  // A dialogue shared with partners.
  const created = await page.request.post('/api/dialogues', {
    data: {
      partnership_id: partnership,
      title: 'Staying well at home',
      question: 'What would help older people stay well at home?',
      statements: ['Home visits after a hospital stay', 'Lunch clubs in every ward'],
    },
  });
  assert.equal(created.status(), 201, await created.text());
  await page.goto(`/convenor/partnerships/${partnership}`);
  await page.getByRole('button', { name: /Share with partners/ }).click();
  await page.getByText('shared with partners', { exact: true }).waitFor();
  await review(page, 'partnership-convenor');

  // The person invited opens the link in their own browser.
  const person = await newPerson(browser);
  const invited = person.page;
  const path = new URL(link).pathname;
  await invited.goto(path);
  await invited.getByRole('heading', { level: 1, name: `Speak for ${PARTNER}` }).waitFor();
  await review(invited, 'invitation');
  assert.equal(await invited.getByLabel('Email address').inputValue(), REPRESENTATIVE);
  await invited.getByLabel(/^Password/).fill(REPRESENTATIVE_PASSWORD);
  await invited.getByRole('button', { name: 'Create my account and accept' }).click();
  await invited.waitForURL(/\/convenor$/);
  await invited.getByText(`Partner representative for ${PARTNER}`).waitFor();
  // A representative may not create partnerships.
  assert.equal(await invited.getByRole('button', { name: 'Create the partnership' }).count(), 0);
  await review(invited, 'representative-home');

  await invited.getByRole('link', { name: PARTNERSHIP, exact: true }).click();
  await invited.getByRole('link', { name: 'Staying well at home' }).waitFor();
  assert.equal(await invited.getByRole('link', { name: 'Start a new dialogue' }).count(), 0);
  await review(invited, 'partnership-representative');

  // Signing out and in again, like a convenor.
  await invited.getByRole('button', { name: 'Sign out' }).click();
  await invited.goto('/login');
  await invited.getByLabel('Email address').fill(REPRESENTATIVE);
  await invited.getByLabel('Password').fill(REPRESENTATIVE_PASSWORD);
  await invited.getByRole('button', { name: 'Sign in' }).click();
  await invited.waitForURL(/\/convenor$/);
  await invited.getByRole('link', { name: PARTNERSHIP, exact: true }).waitFor();

  // The link worked once.
  const stranger = await newPerson(browser);
  const reused = await stranger.page.goto(path);
  assert.equal(reused.status(), 410);
  await stranger.page.getByText('This invitation has already been used.').waitFor();
  await review(stranger.page, 'invitation-used');
});
