// report.html in a real headless Chromium (playwright-core, the chromium on PATH): a real run of the store
// fixture renders with no console error and no request, one kill marker per fired fault; a hostile log
// line shows as text and never runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtml, validateReport, writeReports } from '../../src/report/index.js';
import { FIXTURES, ROOT, runCli, tempDir } from '../helpers.js';
import { findExecutable, pathDirs } from '../../src/common/index.js';
import { literalHistory, literalUsage, literalVerdicts } from './fixtures.js';
import { storeHistory } from './store-fixture.js';
import { parseXml } from './xml-check.js';

const XSS = '<script>alert(1)</script>';
let browser: Browser;

/** Debian's chromium, or another name the browser goes by, found on PATH. */
function chromiumPath(): string {
  const found = ['chromium', 'chromium-browser', 'google-chrome'].map((name) => findExecutable(name, pathDirs())).find(Boolean);
  if (!found) throw new Error('chromium not found on PATH: run `npm test` as root once (scripts/provision.sh installs chromium)');
  return found;
}

before(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
});

/** A page opened on a report, with what it logged, requested and tried to pop up. */
async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[]; dialogs: string[]; url: string }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.charts !== undefined, null, { timeout: 10_000 });
  return { page, errors, requests, dialogs, url };
}

test('a real run: no console error, no request, one kill marker per fired fault', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'results.db');
  const run = await runCli(['run', path.join(FIXTURES, 'scenarios/good/store.yml'), '--db', db, '--out', path.join(dir, 'reports')], { env: { STORE_FLAG: '--correct' } });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const report = await runCli(['report', 'latest', '--db', db]);
  assert.equal(report.code, 0, report.stderr);
  const html = /^\s+(\S+report\.html)$/m.exec(report.stdout)?.[1];
  assert.ok(html, report.stdout);
  const sql = new Database(db, { readonly: true });
  const fired = (sql.prepare('SELECT COUNT(*) AS n FROM faults WHERE fired_ms IS NOT NULL').get() as { n: number }).n;
  sql.close();
  assert.ok(fired > 0, 'the run killed something');
  const { page, errors, requests, url } = await open(html);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url]);
  assert.equal(await page.locator('.kill-marker').count(), fired);
  assert.equal(await page.locator('.banner.passed').count(), 1);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.charts), '6');
  mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-output/report.png'), fullPage: true });
  await page.close();
  const json = JSON.parse(readFileSync(path.join(path.dirname(html), 'report.json'), 'utf8'));
  assert.deepEqual(validateReport(json), [], 'the real report.json matches its schema');
  const suite = parseXml(readFileSync(path.join(path.dirname(html), 'junit.xml'), 'utf8')).find((e) => e.name === 'testsuite');
  assert.deepEqual([suite?.attrs.name, suite?.attrs.tests, suite?.attrs.failures, suite?.attrs.errors], ['crashtest: store', '6', '0', '0']);
  const missing = await runCli(['report', 'nope', '--db', db]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no run matches "nope"/);
});

test('a log line with <script> shows as text in the page and never runs', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'results.db');
  const outDir = path.join(dir, 'run');
  mkdirSync(path.join(outDir, 'logs'), { recursive: true });
  writeFileSync(path.join(outDir, 'logs', 'worker.0.log'), `--- generation 1: pid 201\n+2.950s err ${XSS}\n+2.990s err fatal: giving up\n`);
  const history = literalHistory();
  storeHistory(db, outDir, history, literalVerdicts(), literalUsage());
  const paths = await writeReports({ db, runId: history.run.id });
  assert.equal(paths.html, path.join(outDir, 'report.html'));
  const { page, errors, requests, dialogs, url } = await open(paths.html);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url]);
  const log = page.locator('pre.log', { hasText: XSS });
  assert.equal(await log.count(), 1);
  assert.ok(await log.isVisible());
  assert.match(await log.innerText(), /<script>alert\(1\)<\/script>/);
  assert.equal(await page.locator('.kill-marker').count(), 2, 'two of the three faults fired');
  await page.close();
});

test('a run that broke before anything happened still renders, without errors', async () => {
  const history = literalHistory();
  Object.assign(history, { instances: [], faults: [], ops: [], samples: [], events: [] });
  Object.assign(history.run, { status: 'error', endMs: null, exitCode: 3 });
  const file = path.join(tempDir(), 'report.html');
  writeFileSync(file, renderHtml({ history, verdicts: [], usage: [], scenario: null, version: '0.1.0', excerpts: [] }));
  const { page, errors, requests, url } = await open(file);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url]);
  assert.equal(await page.locator('.banner.error').count(), 1);
  assert.equal(await page.locator('.kill-marker').count(), 0);
  assert.match(await page.locator('#verdict').innerText(), /not checked: the run ended before its checks/);
  await page.close();
});
