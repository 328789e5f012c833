// Interface languages in a real browser: a participant whose browser prefers Welsh joins and
// votes in Welsh, switches to Urdu with the switcher on the page, and goes on voting right to
// left; the choice is remembered on the next page. Every page is checked with axe-core at
// phone and desktop sizes, photographed, and must not scroll sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, launch, newPerson, review, signedInConvenor } from './lib.mjs';

const STATEMENTS = [
  'The library should open on Sunday afternoons',
  'Bus timetables should be posted at every stop',
  'The park needs more benches in the shade',
];

let browser;
let dialogue;

before(async () => {
  browser = await launch();
  const convenor = await signedInConvenor(browser);
  const { page } = convenor;
  await page.goto('/convenor');
  await page.getByLabel('Name', { exact: true }).fill('Llanfair community partnership');
  await page.getByRole('button', { name: 'Create the partnership' }).click();
  await page.waitForURL(/\/convenor\/partnerships\/\d+$/);
  const partnership = Number(new URL(page.url()).pathname.split('/').pop());
  const created = await page.request.post('/api/dialogues', {
    data: {
      partnership_id: partnership,
      title: 'Our town centre',
      question: 'What would make the town centre better for everyone?',
      constituencies: [{ name: 'Resident' }, { name: 'Shop owner' }],
      statements: STATEMENTS,
    },
  });
  assert.equal(created.status(), 201, await created.text());
  dialogue = (await created.json()).id;
  await convenor.context.close();
});

after(async () => {
  await browser?.close();
});

// Urdu pages wrap numbers and other left-to-right values in invisible isolation marks
// (U+2068, U+2069), so that they keep their place in right-to-left text; the checks below drop
// them before comparing, inside the page.
/** Returns the `lang` and `dir` of the page's root element. */
async function rootLanguage(page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

test('a participant joins and votes in Welsh, then switches to Urdu and votes right to left', async () => {
  const person = await newPerson(browser, { viewport: PHONE, locale: 'cy-GB', extraHTTPHeaders: { 'Accept-Language': 'cy-GB,cy;q=0.9' } });
  const { page, problems } = person;

  // The join page speaks Welsh because the browser prefers it.
  await page.goto(`/d/${dialogue}`);
  assert.deepEqual(await rootLanguage(page), { lang: 'cy', dir: 'ltr' });
  await page.getByRole('heading', { name: 'Sut mae\'n gweithio' }).waitFor();
  const switcher = page.getByRole('navigation', { name: 'Iaith' });
  assert.equal(await switcher.getByRole('link', { name: 'Cymraeg' }).getAttribute('aria-current'), 'true');
  await review(page, 'languages-join-cy');
  await page.getByLabel('Resident', { exact: true }).check();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Dechrau' }).click()]);

  // Voting in Welsh, with the script's voting without a reload.
  await page.getByRole('heading', { name: 'Ydych chi\'n cytuno â\'r datganiad hwn?' }).waitFor();
  assert.match(await page.locator('#progress-text').innerText(), /^0 o 3 datganiad wedi'u pleidleisio$/);
  await review(page, 'languages-vote-cy');
  await page.getByRole('button', { name: 'Cytuno' }).click();
  await page.locator('#progress-text').filter({ hasText: /^1 o 3/ }).waitFor();

  // The switcher changes the language of this page and of the next.
  await Promise.all([
    page.waitForURL(/lang=ur/),
    page.getByRole('navigation', { name: 'Iaith' }).getByRole('link', { name: 'اردو' }).click(),
  ]);
  assert.deepEqual(await rootLanguage(page), { lang: 'ur', dir: 'rtl' });
  await page.getByRole('heading', { name: 'کیا آپ اس بیان سے متفق ہیں؟' }).waitFor();
  const direction = await page.locator('main').evaluate((main) => getComputedStyle(main).direction);
  assert.equal(direction, 'rtl');
  await review(page, 'languages-vote-ur');
  await page.getByRole('button', { name: 'غیر متفق' }).click();
  await page.waitForFunction((expected) => (document.querySelector('#progress-text')?.textContent ?? '').replace(/[\u2068\u2069]/g, '').startsWith(expected), '3 میں سے 2', { polling: 100 });

  // The choice is remembered without the query, over the browser's preference for Welsh.
  await page.goto(`/d/${dialogue}/me`);
  assert.deepEqual(await rootLanguage(page), { lang: 'ur', dir: 'rtl' });
  await page.getByRole('heading', { name: 'آپ کا ڈیٹا', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'غیر متفق' }).first().waitFor();
  await review(page, 'languages-my-data-ur');

  await page.goto(`/d/${dialogue}/write`);
  assert.deepEqual(await rootLanguage(page), { lang: 'ur', dir: 'rtl' });
  const written = 'بازار میں سایہ دار بینچ ہونے چاہییں';
  await page.getByLabel('آپ کا بیان').fill(written);
  const counted = `280 میں سے ${Array.from(written).length} حروف`;
  await page.waitForFunction((expected) => (document.querySelector('#text-count')?.textContent ?? '').replace(/[\u2068\u2069]/g, '') === expected, counted, { polling: 100 });
  await review(page, 'languages-write-ur');

  // And back to Welsh, where the erase page counts the votes with Welsh plural forms.
  await page.goto(`/d/${dialogue}/me/erase?lang=cy`);
  assert.deepEqual(await rootLanguage(page), { lang: 'cy', dir: 'ltr' });
  await page.getByText('Caiff eich 2 bleidlais eu dileu').waitFor();
  await review(page, 'languages-erase-cy');

  assert.deepEqual(problems, []);
  await person.context.close();
});
