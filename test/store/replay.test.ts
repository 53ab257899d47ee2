// `crashtest check` re-derives everything from the stored events: for every fixture scenario, the
// verdicts it gives equal the ones the live run gave from its in-memory stream (passing and failing runs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const SCENARIOS: { file: string; env?: Record<string, string>; args?: string[] }[] = [
  { file: 'good/crash-loop.yml' },
  { file: 'good/crash-loop-at-once.yml' },
  { file: 'good/drops-requests.yml' },
  { file: 'good/redis-only.yml' },
  { file: 'good/servers.yml' },
  { file: 'good/tagged.yml', env: { CT_TAG: 'ct-replay-tag' } },
  { file: 'good/store.yml' },
  { file: 'good/store.yml', env: { STORE_FLAG: '--ack-before-write' } },
  { file: 'good/store.yml', env: { STORE_FLAG: '--no-rebuild' } },
  { file: 'converter-small.yml', args: ['--duration', '4s', '--env', 'CONVERTER_BUG=done-before-output-durable'] },
  { file: 'converter-full-small.yml' },
  { file: 'converter-pause-small.yml', args: ['--env', 'CONVERTER_BUG=no-fencing'] },
  { file: 'faults/armed.yml' },
  { file: 'faults/pause.yml', env: { CT_TAG: 'ct-replay-pause' } },
  { file: 'faults/triggers.yml' },
  { file: 'faults/op-trigger.yml' },
  { file: 'faults/power.yml' },
];

type Row = Record<string, unknown>;

function stored(dbFile: string): { runId: string; verdicts: Row[]; faults: Row[]; instances: Row[] } {
  const db = new Database(dbFile, { readonly: true });
  const runId = (db.prepare('SELECT id FROM runs').get() as { id: string }).id;
  const verdicts = db.prepare('SELECT name, kind, valid, summary, evidence FROM verdicts ORDER BY rowid').all() as Row[];
  const faults = db.prepare('SELECT * FROM faults ORDER BY seq').all() as Row[];
  const instances = db.prepare('SELECT * FROM instances ORDER BY id').all() as Row[];
  db.close();
  return { runId, verdicts, faults, instances };
}

for (const scenario of SCENARIOS) {
  const label = `${scenario.file}${scenario.env ? ` ${JSON.stringify(scenario.env)}` : ''}${scenario.args ? ` ${scenario.args.join(' ')}` : ''}`;
  test(`check on the stored events gives the live run's verdicts: ${label}`, async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'results.db');
    const run = await runCli(['run', path.join(FIXTURES, 'scenarios', scenario.file), '--db', dbFile, '--out', dir, ...(scenario.args ?? [])], { env: scenario.env });
    assert.ok(run.code === 0 || run.code === 1, `the run reached a verdict (exit ${run.code}):\n${run.stdout}${run.stderr}`);
    const live = stored(dbFile);
    assert.ok(live.verdicts.length > 0, 'the live run stored its verdicts');
    const check = await runCli(['check', live.runId, '--db', dbFile]);
    assert.equal(check.code, run.code, check.stdout + check.stderr);
    const again = stored(dbFile);
    assert.deepEqual(again.verdicts, live.verdicts);
    assert.deepEqual(again.faults, live.faults);
    assert.deepEqual(again.instances, live.instances);
  });
}
