// The whole journey in a real browser: a convenor sets up a dialogue, three people take part
// in separate browsers (one of them without JavaScript), a statement is written and accepted,
// and the live report shows groups, common ground and the voice audit. Every page is checked
// with axe-core and photographed at phone and desktop sizes; text with markup must appear as
// text everywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EMAIL, PASSWORD, api, launch, newPerson, review } from './lib.mjs';

const PARTNERSHIP = 'Healthy Town <i>partnership</i>';
const PARTNER = 'Clinic <b onmouseover="window.__xss=1">North</b>';
const TITLE = 'Clean air <script>window.__xss=1</script>';
const XSS_STATEMENT = '<img src=x onerror="window.__xss=1"> Idling engines outside schools should be fined';
const WRITTEN = 'Quiet streets <script>window.__xss=1</script> help everyone sleep';
const COMMON = "Children's health should come first in planning decisions";
const STATEMENTS = [
  COMMON,
  'Traffic near schools should be limited to 20 mph',
  'Parking in the town centre should stay free',
  'The council should plant more street trees',
  XSS_STATEMENT,
  'Bus fares should be cut to get cars off the road',
];

// Two camps: the first agrees with everything but free parking, the second the reverse; both
// agree that children's health comes first.
function campA(text) {
  return text.includes('Parking') ? 'disagree' : 'agree';
}
function campB(text) {
  if (text.includes("Children's health") || text.includes('Parking')) { return 'agree'; }
  return text.includes('Bus fares') ? 'pass' : 'disagree';
}
const BUTTON = { agree: 'Agree', disagree: 'Disagree', pass: 'Pass / Unsure' };

let browser;
let convenor;
let dialogue;
const people = {};

before(async () => {
  assert.ok(PASSWORD, 'E2E_PASSWORD must name the test convenor\'s password');
  browser = await launch();
  convenor = await newPerson(browser);
});

after(async () => {
  await browser?.close();
});

/** Votes on every statement the page offers, choosing with `choose(text)`. */
async function voteAll(page, choose, how) {
  for (let round = 0; round < 40; round += 1) {
    const statement = page.locator('#statement-text');
    if ((await statement.count()) === 0) { break; }
    const vote = choose(await statement.innerText());
    const progress = await page.locator('#progress-text').innerText();
    if (how === 'keys') {
      await page.keyboard.press(vote[0]);
      await page.waitForFunction((before) => document.querySelector('#progress-text')?.textContent !== before, progress);
    } else if (how === 'buttons') {
      await page.getByRole('button', { name: BUTTON[vote], exact: true }).click();
      await page.waitForFunction((before) => document.querySelector('#progress-text')?.textContent !== before, progress);
    } else {
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: BUTTON[vote], exact: true }).click(),
      ]);
    }
  }
  await page.getByRole('heading', { name: 'You have voted on every statement' }).waitFor();
}

async function join(name, constituencies, options = {}) {
  const person = await newPerson(browser, options);
  people[name] = person;
  const { page } = person;
  await page.goto(`/d/${dialogue}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  for (const constituency of constituencies) {
    await page.getByLabel(constituency, { exact: true }).check();
  }
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Start' }).click()]);
  await page.locator('#progress-text').waitFor();
  return person;
}

test('the start page and signing in', async () => {
  const { page } = convenor;
  await page.goto('/');
  await review(page, 'home');
  await page.getByRole('link', { name: 'Sign in as a convenor' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await review(page, 'login');
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('do not match an account').waitFor();
  // The refused sign-in answered 401 on purpose; nothing else may fail.
  convenor.problems.length = 0;
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/convenor');
});

test('a convenor creates a partnership, a partner and a dialogue with constituencies and seed statements', async () => {
  const { page } = convenor;
  await review(page, 'dashboard');
  await page.getByLabel('Name', { exact: true }).fill(PARTNERSHIP);
  await page.getByRole('button', { name: 'Create the partnership' }).click();
  await page.waitForURL(/\/convenor\/partnerships\/\d+$/);
  await page.getByRole('heading', { level: 1, name: PARTNERSHIP }).waitFor();
  await page.getByLabel('Organisation name').fill(PARTNER);
  await page.getByLabel('Sector').selectOption('nhs');
  await page.getByRole('button', { name: 'Add the partner' }).click();
  await page.getByRole('rowheader', { name: PARTNER }).waitFor();
  await review(page, 'partnership');

  await page.getByRole('link', { name: 'Start a new dialogue' }).click();
  await page.getByRole('heading', { name: 'New dialogue' }).waitFor();
  await review(page, 'new-dialogue');
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('The question participants are asked').fill('How should our town improve the air children breathe?');
  await page.getByLabel(/^Description/).fill('Vote on each statement.\n\nEvery group counts equally.');
  await page.getByLabel('Constituencies, one per line').fill('Resident | 60% | lay\nGP | 30% | professional\nCarer | 10% | lay');
  await page.getByLabel('Statements, one per line').fill(STATEMENTS.join('\n'));
  await page.getByLabel('Shown only after a convenor accepts them').check();
  await page.getByRole('button', { name: 'Create the dialogue' }).click();
  await page.waitForURL(/\/convenor\/dialogues\/\d+$/);
  dialogue = Number(new URL(page.url()).pathname.split('/').pop());
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), TITLE);
  const qr = page.getByRole('img', { name: /QR code that opens the participant link/ });
  await qr.waitFor();
  assert.ok(await qr.evaluate((image) => image.complete && image.naturalWidth > 0), 'the QR code loads');
  await review(page, 'dialogue');
  await page.getByRole('link', { name: 'Settings, constituencies and statements' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await review(page, 'settings');
});

test('other participants vote through the API so that each group is large enough to count', async () => {
  const listed = await convenor.page.request.get(`/api/dialogues/${dialogue}/statements?status=accepted`);
  assert.equal(listed.status(), 200);
  const statements = (await listed.json()).statements;
  assert.equal(statements.length, STATEMENTS.length);
  const crowd = [
    ...Array.from({ length: 4 }, () => [['Resident'], campA]),
    ...Array.from({ length: 4 }, () => [['GP'], campB]),
    // Five carers in all (with the second person below), so that every constituency has the
    // votes common ground needs.
    ...Array.from({ length: 4 }, () => [['GP', 'Carer'], campB]),
  ];
  for (const [constituencies, choose] of crowd) {
    const joined = await api(`/api/dialogues/${dialogue}/participants`, { method: 'POST', body: { constituencies } });
    for (const statement of statements) {
      await api(`/api/dialogues/${dialogue}/votes`, {
        method: 'POST',
        token: joined.token,
        body: { statement_id: statement.id, vote: choose(statement.text) },
      });
    }
  }
});

test('three people join in separate browsers, choose constituencies and vote', async () => {
  const first = await join('first', ['Resident']);
  await review(first.page, 'vote');
  await first.page.evaluate(() => { window.__marker = 'same page'; });
  await voteAll(first.page, campA, 'keys');
  assert.equal(await first.page.evaluate(() => window.__marker), 'same page', 'voting with keys reloaded the page');

  const second = await join('second', ['Resident', 'Carer']);
  await voteAll(second.page, campA, 'buttons');

  // The third person's browser runs no JavaScript: plain forms and redirects must do.
  const third = await join('third', ['GP'], { javaScriptEnabled: false });
  await voteAll(third.page, campB, 'forms');
  assert.match(await third.page.locator('#progress-text').innerText(), /^6 of 6 statements voted$/);
});

test('a participant writes a statement and the convenor accepts it', async () => {
  const { page } = people.first;
  await page.getByRole('link', { name: 'Write a statement of your own' }).click();
  await page.getByRole('heading', { name: 'Write a statement' }).waitFor();
  await page.getByText('A convenor reads every statement before others see it').waitFor();
  await page.getByLabel('Your statement').fill(WRITTEN);
  await page.getByText(`${[...WRITTEN].length} of 280 characters`).waitFor();
  await review(page, 'write');
  await page.getByRole('button', { name: 'Send the statement' }).click();
  await page.getByText('will be shown to others once a convenor has accepted it').first().waitFor();

  const moderation = convenor.page;
  await moderation.goto(`/convenor/dialogues/${dialogue}/moderation`);
  await moderation.getByLabel(WRITTEN).check();
  await review(moderation, 'moderation');
  await moderation.getByRole('button', { name: 'Accept the selected statements' }).click();
  await moderation.getByText('1 statement updated.').waitFor();
});

test('the report shows the groups, common ground with its reason, and the voice audit', async () => {
  const reader = await newPerson(browser);
  people.reader = reader;
  const { page } = reader;
  await page.goto(`/d/${dialogue}/report`);
  // The page updates itself when the analysis of the latest votes is stored.
  const commonList = 'section.report-summary .summary-part:nth-of-type(2) .summary-list';
  await page.waitForFunction((selector) => {
    const items = document.querySelectorAll(`${selector} li`);
    return items.length > 0 && document.body.innerText.includes('Group B');
  }, commonList, { timeout: 60_000 });
  const common = page.locator(`${commonList} li`).first();
  assert.equal(await common.locator('.statement-text').innerText(), COMMON);
  await page.getByRole('columnheader', { name: /Group A/ }).first().waitFor();
  await page.getByRole('columnheader', { name: /Group B/ }).first().waitFor();
  await page.getByRole('img', { name: 'Opinion map' }).waitFor();
  await page.getByRole('table', { name: 'Opinion groups and what each distinctively holds' }).waitFor();
  await page.getByRole('heading', { name: 'Voice audit' }).waitFor();
  const voice = page.getByRole('table', { name: /Participation by constituency/ });
  await voice.getByRole('rowheader', { name: /Carer/ }).waitFor();
  await page.getByText('Voices missing or under-represented').waitFor();
  await page.getByRole('heading', { name: 'Lay and professional participants' }).waitFor();
  // Its detail page gives the reason, with the agreement.
  const detail = await newPerson(browser);
  await detail.page.goto(await common.locator('a').getAttribute('href'));
  const reason = await detail.page.locator('.statement-detail .reason').innerText();
  assert.match(reason, /\d+%/, `the reason line gives the agreement: ${reason}`);
  await detail.context.close();
  await review(page, 'report');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS ?? new URL('../screenshots', import.meta.url).pathname}/report-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('the live report updates without a reload when a new vote arrives', async () => {
  const { page } = people.reader;
  await page.evaluate(() => { window.__marker = 'same page'; });
  const before = await page.locator('#figure-votes').innerText();
  const { page: voter } = people.second;
  await voter.goto(`/d/${dialogue}`);
  await voter.locator('#statement-text', { hasText: 'Quiet streets' }).waitFor();
  await voter.getByRole('button', { name: 'Agree', exact: true }).click();
  await page.waitForFunction(
    (previous) => document.querySelector('#figure-votes')?.textContent !== previous,
    before,
    { timeout: 60_000 },
  );
  assert.equal(await page.evaluate(() => window.__marker), 'same page', 'the report reloaded instead of updating');
  assert.ok(Number(await page.locator('#figure-votes').innerText()) > Number(before));
});

test('a participant sees where they stand', async () => {
  const { page } = people.first;
  await page.goto(`/d/${dialogue}`);
  const stand = page.locator('section.stand');
  await stand.locator('p.lead', { hasText: /You are in Group [A-Z]/ }).waitFor();
  await stand.getByRole('img', { name: 'Opinion map' }).waitFor();
  await review(page, 'where-you-stand');
});

test('text with markup appears as text in pages and exports', async () => {
  for (const person of [convenor, people.first, people.reader]) {
    assert.equal(await person.page.evaluate(() => window.__xss), undefined);
  }
  const { page } = convenor;
  await page.goto(`/d/${dialogue}/report`);
  await page.getByText(XSS_STATEMENT).filter({ visible: true }).first().waitFor();
  await page.getByText(WRITTEN).filter({ visible: true }).first().waitFor();
  assert.equal(await page.locator('script').count(), 1, 'only the site\'s own script is on the page');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await page.goto(`/convenor/dialogues/${dialogue}/moderation?status=all`);
  await page.getByText(XSS_STATEMENT, { exact: true }).waitFor();
  assert.equal(await page.locator('script').count(), 1);
  const csp = (await page.request.get(`/d/${dialogue}/report`)).headers()['content-security-policy'];
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);

  const json = await page.request.get(`/api/dialogues/${dialogue}/export?format=json`);
  assert.equal(json.status(), 200);
  assert.match(json.headers()['content-type'], /^application\/json/);
  assert.match(json.headers()['content-disposition'], /^attachment/);
  const dump = JSON.stringify(await json.json());
  assert.ok(dump.includes(JSON.stringify(XSS_STATEMENT).slice(1, -1)), 'the JSON export keeps the text as data');
  const csv = await page.request.get(`/api/dialogues/${dialogue}/export/comments.csv`);
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /^text\/csv/);
  assert.match(csv.headers()['content-disposition'], /^attachment/);
  assert.ok((await csv.text()).includes('Quiet streets <script>'), 'the CSV export keeps the text as data');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
});

test('closing the dialogue stops participation', async () => {
  const { page } = convenor;
  await page.goto(`/convenor/dialogues/${dialogue}`);
  await page.getByRole('button', { name: 'Close the dialogue…' }).click();
  await page.getByRole('heading', { name: 'Close the dialogue?' }).waitFor();
  await page.getByRole('button', { name: 'Yes, close the dialogue' }).click();
  await page.getByRole('button', { name: 'Reopen the dialogue' }).waitFor();
  const newcomer = await newPerson(browser);
  await newcomer.page.goto(`/d/${dialogue}`);
  await newcomer.page.getByText('This dialogue is closed').waitFor();
  await review(newcomer.page, 'closed');
  const { page: third } = people.third;
  await third.goto(`/d/${dialogue}`);
  await third.getByRole('heading', { name: 'This dialogue is closed' }).waitFor();
});

test('no page logged a script error or a blocked resource', () => {
  for (const [name, person] of Object.entries({ convenor, ...people })) {
    assert.deepEqual(person.problems, [], `${name}'s browser reported problems`);
  }
});
