// The litmus questions on fixture services that do and do not survive kill -9: the correct store
// passes all six invariants; each planted mistake fails the invariant that catches it, with evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const STORE = path.join(FIXTURES, 'scenarios/good/store.yml');

interface Outcome {
  code: number | null;
  stdout: string;
  db: string;
  verdicts: Map<string, { valid: string; summary: string; evidence: Record<string, unknown> }>;
}

async function runStore(flag: string): Promise<Outcome> {
  const dir = tempDir();
  const db = path.join(dir, 'results.db');
  const result = await runCli(['run', STORE, '--db', db, '--out', path.join(dir, 'reports'), '--env', `STORE_FLAG=${flag}`]);
  const sql = new Database(db, { readonly: true });
  const rows = sql.prepare('SELECT name, valid, summary, evidence FROM verdicts').all() as { name: string; valid: string; summary: string; evidence: string }[];
  sql.close();
  const verdicts = new Map(rows.map((r) => [r.name, { valid: r.valid, summary: r.summary, evidence: JSON.parse(r.evidence) }]));
  return { code: result.code, stdout: result.stdout + result.stderr, db, verdicts };
}

test('a correct service (fsync before ack, replay on start) passes all six', async () => {
  const run = await runStore('--correct');
  assert.equal(run.code, 0, run.stdout);
  assert.deepEqual([...run.verdicts.keys()], ['progress', 'no_loss', 'consistency', 'converge', 'recovery', 'wake_up']);
  for (const [name, verdict] of run.verdicts) assert.equal(verdict.valid, 'true', `${name}: ${verdict.summary}`);
  assert.match(run.stdout, /PASS {2}no_loss {6}all \d+ acknowledged writes present/);
  const sql = new Database(run.db, { readonly: true });
  const ops = sql.prepare(`SELECT COUNT(*) AS n FROM ops WHERE outcome = 'acked'`).get() as { n: number };
  const retried = sql.prepare(`SELECT COUNT(*) AS n FROM ops WHERE json_array_length(attempts) > 1`).get() as { n: number };
  sql.close();
  assert.ok(ops.n > 50, 'the workload was acknowledged many times');
  assert.ok(retried.n > 0, 'operations hit by kills were retried');
});

test('acknowledging before writing loses data: no_loss fails and names the missing keys', async () => {
  const run = await runStore('--ack-before-write');
  assert.equal(run.code, 1, run.stdout);
  const verdict = run.verdicts.get('no_loss')!;
  assert.equal(verdict.valid, 'false');
  const missing = verdict.evidence.missing as { key: string; ackMs: number; faultsAfter: unknown[] }[];
  assert.ok(missing.length > 0);
  assert.match(missing[0].key, /^\d{8}-\d{6}-[0-9a-f]{4}-\d+$/);
  assert.ok(missing[0].faultsAfter.length > 0, 'the kill right after the ack is named');
  assert.match(run.stdout, /FAIL {2}no_loss {6}lost \d+ of \d+ acknowledged writes/);
});

test('rewriting state in place: consistency fails with the violating lines', async () => {
  const run = await runStore('--in-place');
  assert.equal(run.code, 1, run.stdout);
  const verdict = run.verdicts.get('consistency')!;
  assert.equal(verdict.valid, 'false');
  assert.match(JSON.stringify(verdict.evidence.violations), /state\.json is torn/);
  assert.equal(run.verdicts.get('no_loss')!.valid, 'true');
});

test('a queue lost on crash and never rebuilt: converge fails', async () => {
  const run = await runStore('--no-rebuild');
  assert.equal(run.code, 1, run.stdout);
  const verdict = run.verdicts.get('converge')!;
  assert.equal(verdict.valid, 'false');
  assert.equal(verdict.evidence.metAtMs, null);
  assert.ok(Number(verdict.evidence.lastValue) > 0, 'work is still pending at the end');
  assert.equal(run.verdicts.get('no_loss')!.valid, 'true', 'the keys themselves are durable');
});

test('a deadlock after restart: progress fails with the stall in the evidence', async () => {
  const run = await runStore('--deadlock-after-restart');
  assert.equal(run.code, 1, run.stdout);
  const verdict = run.verdicts.get('progress')!;
  assert.equal(verdict.valid, 'false');
  const stalls = verdict.evidence.stalls as { durationMs: number; faults: unknown[] }[];
  assert.ok(stalls.length >= 1);
  assert.ok(stalls[0].durationMs > 2500, "longer than the 2.5 s window");
  assert.ok(stalls[0].faults.length >= 1, 'the kill before the stall is named');
});

test('crashtest check re-judges a stored run from the database alone', async () => {
  const run = await runStore('--no-rebuild');
  const check = await runCli(['check', 'latest', '--db', run.db]);
  assert.equal(check.code, 1);
  assert.match(check.stdout, /^run \S+ of "store", seed 3\n/);
  assert.match(check.stdout, /FAIL {2}converge/);
  assert.match(check.stdout, /PASS {2}no_loss/);
  const sql = new Database(run.db, { readonly: true });
  const { command } = sql.prepare('SELECT command FROM runs').get() as { command: string };
  sql.close();
  assert.match(command, /^npx crashtest run \S+store\.yml --seed 3 --duration 6000ms --env STORE_FLAG=--no-rebuild --interval 500ms$/);
  const missing = await runCli(['check', 'nope', '--db', run.db]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no run matches "nope"/);
});
