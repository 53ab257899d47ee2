// "Will you need to urgently wake up?" on real runs: a component that crash-loops from its first start
// fails a scenario that never asked about it, with the lines it printed; a service that drops a third of
// its requests for a while pages on the users' error budget; the same service without the drop does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { WakeUpEvidence } from '../../src/checks/index.js';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const FATAL = 'fatal: config /etc/worker.conf: missing key "queue_url"';

async function run(scenario: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; evidence: WakeUpEvidence; junit: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'results.db');
  const result = await runCli(['run', path.join(FIXTURES, 'scenarios/good', scenario), '--db', db, '--out', dir], { env });
  const sql = new Database(db, { readonly: true });
  const row = sql.prepare(`SELECT evidence FROM verdicts WHERE name = 'wake_up'`).get() as { evidence: string } | undefined;
  sql.close();
  assert.ok(row, `wake_up was judged:\n${result.stdout}${result.stderr}`);
  const runDir = readdirSync(dir).find((f) => /^\d{8}-/.test(f))!;
  return { code: result.code, stdout: result.stdout + result.stderr, evidence: JSON.parse(row.evidence), junit: readFileSync(path.join(dir, runDir, 'junit.xml'), 'utf8') };
}

test('a component that exits with code 1 at every start fails the run: a crash loop, with its last lines', async () => {
  const r = await run('crash-loop-at-once.yml');
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /FAIL {2}wake_up {6}yes, at [\d.]+ m?s: worker\.0 crash-looped: \d+ exits of its own \(code 1\), the first 3 within [\d.]+ m?s; it said: "fatal: config \/etc\/worker\.conf: missing key \\"queue_url\\""/);
  const [page] = r.evidence.pages;
  assert.equal(page.cause, 'crash_loop');
  assert.equal(page.instance, 'worker.0');
  assert.deepEqual(page.tail, ['starting worker', FATAL]);
  assert.ok(r.evidence.selfExitCount >= 3);
  assert.ok(r.evidence.selfExits.every((x) => x.code === 1 && x.tail.at(-1) === FATAL));
  assert.match(r.junit, /<testcase classname="crashtest\.crash loop at once" name="wake_up" time="0">\n {6}<failure message="yes, at/);
  assert.match(r.junit, / {2}\| fatal: config \/etc\/worker\.conf: missing key "queue_url"\n/);
});

test('a service that drops a third of its requests for 4 s pages on its error budget, and says when', async () => {
  const r = await run('drops-requests.yml');
  assert.equal(r.code, 1, r.stdout);
  const [page] = r.evidence.pages;
  assert.equal(page.cause, 'budget_burn');
  // operations dropped from 3 s on give up at their 1 s deadline: the page comes after 4 s, before the drop ends + a deadline
  assert.ok(page.atMs > 4000 && page.atMs < 8500, `paged at ${page.atMs} ms`);
  assert.ok(page.untilMs !== null && page.untilMs > page.atMs);
  assert.deepEqual(page.faultsBefore, []);
  assert.ok(r.evidence.users!.availability!.bad > 5, 'the dropped operations gave up');
  assert.ok(r.evidence.users!.availability!.budgetSpent > 1, 'more than the whole budget was spent');
  assert.match(r.stdout, /FAIL {2}wake_up {6}yes, at [\d.]+ s: availability below its 99% objective: the error budget burned up to [\d.]+x as fast as allowed, paging for [\d.]+ m?s \(fast burn ≥ 14\.4x over 1 s and 83 ms/);
});

test('the same service without the drop answers no', async () => {
  const r = await run('drops-requests.yml', { DROP_FOR_MS: '0' });
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /PASS {2}wake_up {6}no: nobody had to act \(no exit of its own, nothing went down\); \d+ ops: 100% acknowledged in time \(objective 99%, 0% of the budget spent\)/);
  assert.deepEqual(r.evidence.pages, []);
});

test('the user\'s own alert firing past its for: pages, with no objective set', async () => {
  const r = await run('own-alerts.yml');
  assert.equal(r.code, 1, r.stdout);
  assert.equal(r.evidence.users?.availability, null);
  const [page] = r.evidence.pages;
  assert.equal(page.cause, 'alert');
  assert.ok(r.evidence.alerts!.firing.length === 1 && r.evidence.alerts!.firing[0].alert === 'RequestsDropped');
  assert.ok(r.evidence.alerts!.firing[0].durationMs > 3000, 'it fired for about 4 s');
  assert.match(r.stdout, /FAIL {2}wake_up {6}yes, at [\d.]+ s: alert "RequestsDropped" fired for [\d.]+ s from [\d.]+ s \(for: 1 s\)/);
});
