// The planted bugs of the reference converter, each caught by the invariant that guards against it;
// and the same test-sized run without a bug passes. Real api and workers, real kills, real SQLite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const SMALL = path.join(FIXTURES, 'scenarios/converter-small.yml');
// Workers killed at the output's positioned writes: the bugs that need a kill mid-output are caught every run.
const ARMED = path.join(FIXTURES, 'scenarios/converter-armed-small.yml');

async function runConverter(bug: string, env: string[] = [], scenario = SMALL): Promise<{ code: number | null; output: string; verdicts: Map<string, { valid: string; evidence: string }> }> {
  const dir = tempDir();
  try {
    const db = path.join(dir, 'results.db');
    const result = await runCli(['run', scenario, '--db', db, '--out', path.join(dir, 'reports'), '--env', `CONVERTER_BUG=${bug}`, ...env.flatMap((e) => ['--env', e])]);
    const sql = new Database(db, { readonly: true });
    const rows = sql.prepare('SELECT name, valid, evidence FROM verdicts').all() as { name: string; valid: string; evidence: string }[];
    sql.close();
    return { code: result.code, output: result.stdout + result.stderr, verdicts: new Map(rows.map((r) => [r.name, r])) };
  } finally {
    rmSync(dir, { recursive: true, force: true }); // converted images: hundreds of MB
  }
}

test('the converter without a planted bug passes every invariant under kills every 200 ms', async () => {
  const run = await runConverter('');
  assert.equal(run.code, 0, run.output);
  assert.deepEqual([...run.verdicts.values()].map((v) => v.valid), ['true', 'true', 'true', 'true', 'true', 'true']);
});

test('the converter without a planted bug passes every invariant when its workers die at persistence calls', async () => {
  const run = await runConverter('', [], ARMED);
  assert.equal(run.code, 0, run.output);
  assert.deepEqual([...run.verdicts.values()].map((v) => v.valid), ['true', 'true', 'true', 'true', 'true', 'true']);
  assert.match(run.output, /SIGKILL · fault \d+ · at pwrite64\(/);
});

// lease-not-refreshed needs jobs longer than the lease: a 5 ms TTL makes every job outlive it.
const CAUGHT_BY: [bug: string, invariant: string, evidence: RegExp, env?: string[], scenario?: string][] = [
  ['ack-before-commit', 'no_loss', /"missing":\[\{"key":"[^"]+-\d+"/],
  ['no-lease-expiry', 'converge', /"metAtMs":null/],
  ['non-atomic-write', 'consistency', /is done but its output [^"]+ has checksum [0-9a-f]{40}, expected [0-9a-f]{40}/, [], ARMED],
  ['done-before-output-durable', 'consistency', /is done but its output [^"]+ (is missing|has checksum)/, [], ARMED],
  ['lease-not-refreshed', 'consistency', /worker worker\.\d: abandoned job [0-9a-f-]+: lease lost before commit/, ['LEASE_TTL=5ms']],
];

for (const [bug, invariant, evidence, env, scenario] of CAUGHT_BY) {
  test(`planted bug ${bug}: crashtest exits 1 with ${invariant} failed`, async () => {
    const run = await runConverter(bug, env, scenario);
    assert.equal(run.code, 1, run.output);
    const verdict = run.verdicts.get(invariant)!;
    assert.equal(verdict.valid, 'false', run.output);
    assert.match(verdict.evidence, evidence);
    assert.match(run.output, new RegExp(`FAIL  ${invariant}`));
    // Would it wake anyone? No: each is silent. No process crash-loops or stays down, and the client's
    // requests are all acknowledged in time, so nothing pages while the data goes bad.
    assert.equal(run.verdicts.get('wake_up')?.valid, 'true', run.output);
    assert.match(run.output, /PASS {2}wake_up {6}no: nobody had to act/);
  });
}
