// A results database written by schema version 1 (side tables next to the events) still opens: its
// runs read back with the same History, now projected from events made of those rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, openStore, readHistory, SCHEMA_VERSION } from '../../src/store/index.js';
import { runCli, tempDir } from '../helpers.js';

function versionOneDatabase(file: string): void {
  const db = new Database(file);
  migrate(db, 1);
  db.prepare(`INSERT INTO runs VALUES ('old-run', 'old', 'old.yml', '{"name":"old","duration":4000,"components":[],"invariants":{"no_loss":{"probe":"keys"}}}',
    7, 1, 'failed', '2026-11-26T10:00:00.000Z', 4000, 100, 3000, 4100, 1, 'npx crashtest run old.yml', '/tmp/old', 1, '1', '0.1.0')`).run();
  const event = db.prepare('INSERT INTO events (run_id, t_ms, type, data) VALUES (?, ?, ?, ?)');
  for (const e of [
    { type: 'run.started', t: 0, runId: 'old-run', seed: 7, chaos: true },
    { type: 'component.spawned', t: 5, instance: 'api.0', pid: 10, generation: 1 },
    { type: 'component.ready', t: 40, instance: 'api.0', pid: 10, afterMs: 35 },
    { type: 'fault.injected', t: 1000.5, seq: 1, instance: 'api.0', pid: 10, signal: 'SIGKILL', scheduledMs: 1000 },
    { type: 'component.exited', t: 1001, instance: 'api.0', pid: 10, code: null, signal: 'SIGKILL', cause: 'chaos', uptimeMs: 996 },
    { type: 'component.spawned', t: 1002, instance: 'api.0', pid: 11, generation: 2 },
    { type: 'component.ready', t: 1050, instance: 'api.0', pid: 11, afterMs: 48 },
    { type: 'fault.skipped', t: 2000, seq: 2, instance: 'api.0', reason: 'api.0 is not running', scheduledMs: 2000 },
  ]) event.run('old-run', e.t, e.type, JSON.stringify(e));
  db.prepare(`INSERT INTO faults VALUES ('old-run', 1, 1000, 1000.5, 'api.0', 'api', 10, 'SIGKILL', NULL, 1002, 1050),
    ('old-run', 2, 2000, NULL, 'api.0', 'api', NULL, 'SIGKILL', 'api.0 is not running', NULL, NULL)`).run();
  db.prepare(`INSERT INTO ops VALUES ('old-run', 1, 'k1', 200, 230, 'acked', 230, '[{"t":200,"outcome":"201","latencyMs":30}]', NULL),
    ('old-run', 2, 'k2', 300, 3300, 'gave_up', NULL, '[]', 'deadline')`).run();
  db.prepare(`INSERT INTO probe_samples VALUES ('old-run', 'keys', 500, 0, NULL, '["k1"]', NULL), ('old-run', 'keys', 4000, 1, NULL, '[]', NULL)`).run();
  db.prepare(`INSERT INTO samples VALUES ('old-run', 1000, 'api.0', 10, 2.5, 40960)`).run();
  db.close();
}

test('a version-1 database migrates: the History projected from events equals what its tables said', () => {
  const file = path.join(tempDir(), 'v1.db');
  versionOneDatabase(file);
  const db = openStore(file);
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  const history = readHistory(db, 'old-run');
  db.close();
  assert.deepEqual([history.run.status, history.run.exitCode, history.run.chaosStartMs, history.run.quietStartMs], ['failed', 1, 100, 3000]);
  assert.deepEqual(history.faults.map((f) => [f.seq, f.kind, f.firedMs, f.restartedMs, f.readyMs, f.skipped]), [
    [1, 'kill', 1000.5, 1002, 1050, null], [2, 'kill', null, null, null, 'api.0 is not running'],
  ]);
  assert.deepEqual(history.ops, [
    { seq: 1, key: 'k1', startMs: 200, endMs: 230, outcome: 'acked', ackMs: 230, attempts: [{ t: 200, outcome: '201', latencyMs: 30 }] },
    { seq: 2, key: 'k2', startMs: 300, endMs: 3300, outcome: 'gave_up', attempts: [], detail: 'deadline' },
  ]);
  assert.deepEqual(history.samples, [{ probe: 'keys', t: 500, final: false, items: ['k1'] }, { probe: 'keys', t: 4000, final: true, items: [] }]);
  assert.deepEqual(history.usage, [{ t: 1000, instance: 'api.0', pid: 10, cpu: 2.5, rss: 40960 }]);
  assert.deepEqual(history.instances.map((i) => [i.pid, i.component, i.cause]), [[10, 'api', 'chaos'], [11, 'api', null]]);
});

test('crashtest check judges a migrated run: the key acknowledged and gone is reported lost', async () => {
  const file = path.join(tempDir(), 'v1.db');
  versionOneDatabase(file);
  const result = await runCli(['check', 'old-run', '--db', file]);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /no_loss/);
  assert.match(result.stdout, /k1/);
});
