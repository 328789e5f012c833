// The convenor's controls: the new-dialogue form keeps everything typed after an error and names
// the line at fault; constituencies are edited on the settings page with shares in percent; a
// dialogue is closed only after a confirmation. Every page is checked with axe-core at phone
// and desktop sizes, must not scroll sideways at 390 px, and is photographed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, assertFitsThePhone, launch, review, signedInConvenor } from './lib.mjs';

let browser;
let convenor;
let partnership;
let dialogue;

/** Fails when a checkbox or radio button's label, the target people tap, is under 44 px high. */
async function choicesAreTappable(page, name) {
  await page.setViewportSize(PHONE);
  const small = await page.evaluate(() => [...document.querySelectorAll('.form-controls input[type=checkbox], .form-controls input[type=radio]')]
    .map((input) => {
      const label = document.querySelector(`label[for="${input.id}"]`);
      return { id: input.id, height: label ? label.getBoundingClientRect().height : 0 };
    })
    .filter(({ height }) => height < 44));
  assert.deepEqual(small, [], `${name}: choices under 44 px`);
  await page.setViewportSize(DESKTOP);
}

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
  const created = await convenor.page.request.post('/api/partnerships', { data: { name: 'Controls test partnership' } });
  assert.equal(created.status(), 201, await created.text());
  partnership = (await created.json()).id;
});

after(async () => {
  await browser?.close();
});

test('the new-dialogue form keeps what was typed and names the repeated line', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/partnerships/${partnership}/dialogues`);
  await assertFitsThePhone(page, 'new dialogue');
  await choicesAreTappable(page, 'new dialogue');
  const constituencies = 'Carer | 15% | lay\nGP | 5% | professional\nResident | 40% | lay';
  const statements = 'Evening clinics\nHome visits after a hospital stay\nLunch clubs in every ward\nhome visits after a hospital stay';
  await page.getByLabel('Title').fill('Staying well at home');
  await page.getByLabel('The question participants are asked').fill('What would help older people stay well at home?');
  await page.getByLabel(/^Description/).fill('A conversation across Northvale.');
  await page.getByLabel('Constituencies, one per line').fill(constituencies);
  await page.getByLabel('Statements, one per line').fill(statements);
  await page.getByLabel('Shown only after a convenor accepts them').check();
  await page.getByRole('button', { name: 'Create the dialogue' }).click();

  await page.getByRole('alert').filter({ hasText: 'Seed statement line 4 repeats line 2.' }).waitFor();
  assert.equal(await page.getByLabel('Title').inputValue(), 'Staying well at home');
  assert.equal(await page.getByLabel('The question participants are asked').inputValue(), 'What would help older people stay well at home?');
  assert.equal(await page.getByLabel(/^Description/).inputValue(), 'A conversation across Northvale.');
  assert.equal(await page.getByLabel('Constituencies, one per line').inputValue(), constituencies);
  assert.equal(await page.getByLabel('Statements, one per line').inputValue(), statements);
  assert.ok(await page.getByLabel('Shown only after a convenor accepts them').isChecked());
  await assertFitsThePhone(page, 'new dialogue with an error');
  await review(page, 'controls-new-dialogue-error');

  // A share above 100% is named by line, in percent.
  await page.getByLabel('Constituencies, one per line').fill('Carer | 15% | lay\nGP | 150% | professional');
  await page.getByLabel('Statements, one per line').fill('Evening clinics\nHome visits after a hospital stay');
  await page.getByRole('button', { name: 'Create the dialogue' }).click();
  await page.getByRole('alert').filter({ hasText: 'Constituencies line 2: the expected share 150% must be between 0% and 100%.' }).waitFor();
  assert.equal(await page.getByText('between 0 and 1').count(), 0);

  await page.getByLabel('Constituencies, one per line').fill(constituencies);
  await page.getByRole('button', { name: 'Create the dialogue' }).click();
  await page.waitForURL(/\/convenor\/dialogues\/\d+$/);
  dialogue = Number(new URL(page.url()).pathname.split('/').pop());
});

test('constituencies are edited on the settings page, with shares in percent', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/dialogues/${dialogue}/settings`);
  await assertFitsThePhone(page, 'settings');
  await choicesAreTappable(page, 'settings');
  const gpForm = page.getByRole('form', { name: 'Constituency GP' });
  assert.equal(await gpForm.getByLabel('Expected share of participants').inputValue(), '5%');
  await gpForm.getByLabel('Name').fill('Family doctor');
  await gpForm.getByLabel('Expected share of participants').fill('50%');
  await gpForm.getByRole('button', { name: 'Save GP' }).click();
  await page.getByRole('alert').filter({ hasText: 'add up to 105% with this one; together they can be at most 100%.' }).waitFor();
  const again = page.getByRole('form', { name: 'Constituency GP' });
  assert.equal(await again.getByLabel('Name').inputValue(), 'Family doctor');
  assert.equal(await again.getByLabel('Expected share of participants').inputValue(), '50%');
  await assertFitsThePhone(page, 'settings with an error');
  await review(page, 'controls-settings-error');

  await again.getByLabel('Expected share of participants').fill('10%');
  await again.getByRole('button', { name: 'Save GP' }).click();
  await page.getByRole('status').filter({ hasText: 'The constituency is saved.' }).waitFor();
  const saved = page.getByRole('form', { name: 'Constituency Family doctor' });
  assert.equal(await saved.getByLabel('Expected share of participants').inputValue(), '10%');

  await page.getByRole('button', { name: 'Remove Resident' }).click();
  await page.getByRole('status').filter({ hasText: 'The constituency is removed.' }).waitFor();
  assert.equal(await page.getByRole('form', { name: 'Constituency Resident' }).count(), 0);

  await page.getByLabel('Seed statement 1').fill('Evening and weekend clinics');
  await page.getByRole('button', { name: 'Save statement 1' }).click();
  await page.getByRole('status').filter({ hasText: 'The seed statement is saved.' }).waitFor();
  assert.equal(await page.getByLabel('Seed statement 1').inputValue(), 'Evening and weekend clinics');
  await review(page, 'controls-settings');
});

test('closing a dialogue asks first; reopening is one step', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/dialogues/${dialogue}`);
  await page.getByRole('button', { name: 'Close the dialogue…' }).click();
  await page.getByRole('heading', { level: 1, name: 'Close the dialogue?' }).waitFor();
  await assertFitsThePhone(page, 'close confirmation');
  await review(page, 'controls-close-confirmation');
  await page.getByRole('link', { name: 'No, keep it open' }).click();
  await page.getByText('People can take part now.').waitFor();

  await page.getByRole('button', { name: 'Close the dialogue…' }).click();
  await page.getByRole('button', { name: 'Yes, close the dialogue' }).click();
  await page.getByRole('button', { name: 'Reopen the dialogue' }).waitFor();
  await assertFitsThePhone(page, 'closed dialogue');
  await page.getByRole('button', { name: 'Reopen the dialogue' }).click();
  await page.getByText('People can take part now.').waitFor();
});
