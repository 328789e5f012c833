// Takes the README's screenshots from the demo: starts `commonground serve --demo` on a fresh
// SQLite file and a free port, waits for the demo's analysis, then photographs voting on a
// phone, the report and the presenter view on a desktop, and the public outcomes page on a
// phone, into docs/screenshots/. Usage, from the repository's root:
//   COMMONGROUND_BIN=target/debug/commonground node e2e/readme-screenshots.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './tests/lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, '..', 'docs', 'screenshots');
const BIN = process.env.COMMONGROUND_BIN;
if (!BIN) {
  console.error('set COMMONGROUND_BIN to the path of the commonground binary');
  process.exit(2);
}

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the demo and resolves with what it printed once it listens. */
async function startDemo(work, port) {
  const child = spawn(BIN, [
    'serve', '--demo', '--database', `sqlite:${join(work, 'demo.db')}`, '--listen', `127.0.0.1:${port}`,
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  let printed = '';
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      if (/Northvale and everyone in the demo are made up/.test(printed)) { resolve(printed); }
    });
    child.on('exit', (code) => reject(new Error(`the demo stopped (exit ${code}):\n${printed}`)));
  });
  const text = await ready;
  const match = (pattern) => {
    const found = text.match(pattern);
    if (!found) { throw new Error(`the demo did not print ${pattern}:\n${text}`); }
    return found[1];
  };
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    dialogue: match(/Demo dialogue (\d+):/),
    partnership: match(/Demo partnership (\d+):/),
    email: match(/convenor login:[^\n]*\n\s+email:\s+(\S+)/),
    password: match(/convenor login:[^\n]*\n\s+email:[^\n]*\n\s+password:\s+(\S+)/),
  };
}

const work = mkdtempSync(join(tmpdir(), 'commonground-screenshots-'));
const demo = await startDemo(work, await freePort());
const browser = await launch();
try {
  // The report appears once the first analysis is stored.
  const deadline = Date.now() + 120_000;
  while (!(await fetch(`${demo.base}/api/dialogues/${demo.dialogue}/analysis`)).ok) {
    if (Date.now() > deadline) { throw new Error('no analysis within two minutes'); }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const phone = await browser.newContext({ baseURL: demo.base, viewport: { width: 390, height: 844 } });
  const voter = await phone.newPage();
  await voter.goto(`/d/${demo.dialogue}`);
  await voter.getByLabel('Unpaid carers').check();
  await voter.getByRole('button', { name: 'Start' }).click();
  await voter.getByRole('button', { name: /Agree/ }).first().waitFor();
  await voter.screenshot({ path: join(OUT, 'vote-phone.png'), fullPage: true });

  const reader = await phone.newPage();
  await reader.goto(`/p/${demo.partnership}/outcomes`);
  await reader.screenshot({ path: join(OUT, 'outcomes-phone.png') });

  const desktop = await browser.newContext({ baseURL: demo.base, viewport: { width: 1280, height: 1000 } });
  const convenor = await desktop.newPage();
  await convenor.goto(`/d/${demo.dialogue}/report`);
  await convenor.screenshot({ path: join(OUT, 'report-desktop.png') });
  await convenor.goto('/login');
  await convenor.getByLabel('Email address').fill(demo.email);
  await convenor.getByLabel('Password').fill(demo.password);
  await convenor.getByRole('button', { name: 'Sign in' }).click();
  await convenor.waitForURL('**/convenor');
  await convenor.goto(`/convenor/dialogues/${demo.dialogue}/present`);
  await convenor.screenshot({ path: join(OUT, 'presenter-desktop.png') });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  demo.child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
