// The report's opinion map as a browser draws it, on a 390 px phone and on a desktop: the map
// fits the screen, no two labels overlap (the label texts' boxes, measured in the browser), and
// every label is rendered at 12 px or more.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, api, launch, newPerson, signedInConvenor, waitForAnalysis } from './lib.mjs';

const STATEMENTS = [
  'The library should open on Sundays',
  'Bus fares for young people should be free',
  'The town square needs more trees',
  'Parking in the centre should cost more',
  'The leisure centre should stay open late',
  'New homes should be built near the station',
  'Street lights should stay on all night',
  'The market should move to the park in summer',
];

// Three camps that agree on the first statement and split on the others.
const CAMPS = [
  (index) => (index === 0 || index % 3 === 0 ? 'agree' : 'disagree'),
  (index) => (index === 0 || index % 3 === 1 ? 'agree' : 'disagree'),
  (index) => (index === 0 || index % 3 === 2 ? 'agree' : index % 2 === 0 ? 'pass' : 'disagree'),
];

let browser;
let convenor;
let dialogue;

before(async () => {
  browser = await launch();
  convenor = await signedInConvenor(browser);
  const { page } = convenor;

  const { request } = page;
  const partnership = await (await request.post('/api/partnerships', { data: { name: 'Map partnership' } })).json();
  const created = await request.post('/api/dialogues', {
    data: {
      partnership_id: partnership.id,
      title: 'Town centre',
      question: 'What would make the town centre better?',
      constituencies: [{ name: 'Resident', kind: 'lay' }, { name: 'Trader', kind: 'professional' }],
      statements: STATEMENTS,
    },
  });
  assert.equal(created.status(), 201, await created.text());
  dialogue = (await created.json()).id;
  const statements = (await (await request.get(`/api/dialogues/${dialogue}/statements`)).json()).statements;
  let votes = 0;
  for (let person = 0; person < 18; person += 1) {
    const choose = CAMPS[person % 3];
    const joined = await api(`/api/dialogues/${dialogue}/participants`, {
      method: 'POST', body: { constituencies: [person % 2 === 0 ? 'Resident' : 'Trader'] },
    });
    for (const statement of statements) {
      const index = STATEMENTS.indexOf(statement.text);
      await api(`/api/dialogues/${dialogue}/votes`, {
        method: 'POST', token: joined.token, body: { statement_id: statement.id, vote: choose(index) },
      });
      votes += 1;
    }
  }
  await waitForAnalysis(request, dialogue, votes);
});

after(async () => {
  await browser?.close();
});

/** Measures the map the page shows: the visible SVG's box, and each label text's box and size. */
async function measureMap(page) {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll('svg.map-svg')]
      .find((candidate) => getComputedStyle(candidate).display !== 'none');
    if (!svg) { return null; }
    const box = svg.getBoundingClientRect();
    // Only what is drawn: a label inside a hidden group has no box to measure.
    const labels = [...svg.querySelectorAll('.map-label-text')]
      .filter((text) => text.getClientRects().length > 0)
      .map((text) => {
      const rect = text.getBoundingClientRect();
      const scale = text.getScreenCTM().a;
      return {
        text: text.textContent,
        left: rect.left,
        right: rect.right,
        top: rect.top,
        bottom: rect.bottom,
        fontPx: parseFloat(getComputedStyle(text).fontSize) * scale,
        kind: text.closest('.map-label').classList.contains('map-label--statement') ? 'statement' : 'main',
      };
      });
    return {
      layout: svg.dataset.layout,
      left: box.left,
      right: box.right,
      viewport: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      labels,
    };
  });
}

function overlaps(a, b) {
  // Boxes that only touch do not overlap; half a pixel allows for rounding.
  const slack = 0.5;
  return a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;
}

async function checkMap(viewport, expectedLayout) {
  const reader = await newPerson(browser, { viewport });
  const { page, problems } = reader;
  await page.goto(`/d/${dialogue}/report`);
  await page.locator('svg.map-svg').first().waitFor({ state: 'attached' });
  const closed = await measureMap(page);
  assert.ok(closed, 'the report shows a map');
  assert.ok(closed.labels.every((label) => label.kind === 'main'),
    'statement numbers stay hidden until the reader asks for them');
  // The reader opens the list of statements on the map: their numbers join the map.
  await page.getByText('Show the statements on the map').click();
  const map = await measureMap(page);
  assert.ok(map.labels.some((label) => label.kind === 'statement'), 'statement numbers are drawn once asked for');
  assert.equal(map.layout, expectedLayout, `the ${expectedLayout} layout is shown at ${viewport.width} px`);
  assert.ok(map.left >= 0 && map.right <= map.viewport + 0.5,
    `the map (${map.left}–${map.right}) fits the ${map.viewport} px viewport`);
  assert.ok(map.scrollWidth <= map.viewport, `the page scrolls sideways: ${map.scrollWidth} > ${map.viewport}`);
  assert.ok(map.labels.length >= 2, `the map has labels: ${JSON.stringify(map.labels)}`);
  for (const label of map.labels) {
    assert.ok(label.fontPx >= 12, `"${label.text}" is rendered at ${label.fontPx.toFixed(1)} px, under 12 px`);
    assert.ok(label.left >= map.left - 0.5 && label.right <= map.right + 0.5, `"${label.text}" stays inside the map`);
  }
  for (let i = 0; i < map.labels.length; i += 1) {
    for (let j = i + 1; j < map.labels.length; j += 1) {
      const [a, b] = [map.labels[i], map.labels[j]];
      assert.ok(!overlaps(a, b), `labels "${a.text}" and "${b.text}" overlap: ${JSON.stringify([a, b])}`);
    }
  }
  assert.deepEqual(problems, []);
  await reader.context.close();
}

test('the map fits a 390 px phone with readable labels that do not overlap', async () => {
  await checkMap(PHONE, 'phone');
});

test('the map fits a desktop with readable labels that do not overlap', async () => {
  await checkMap(DESKTOP, 'desktop');
});
