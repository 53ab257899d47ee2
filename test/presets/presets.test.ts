// Real PostgreSQL and Redis servers started, killed (crash recovery recorded) and stopped by crashtest,
// with nothing left running; a missing server binary is a clear exit 3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

function serverPids(runId: string): number[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).flatMap((pid) => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      // postgres runs in /tmp/crashtest-<run-id>/, redis-server with --dir <run folder>: both name the run.
      return cmdline.includes(runId) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

test('postgres and redis presets: ready, killed, recovered, and gone at the end', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'r.db');
  const result = await runCli(['run', path.join(FIXTURES, 'scenarios/good/servers.yml'), '--db', db, '--out', path.join(dir, 'out')]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const sql = new Database(db, { readonly: true });
  const run = sql.prepare('SELECT id FROM runs').get() as { id: string };
  const faults = sql.prepare('SELECT instance, ready_ms FROM faults WHERE fired_ms IS NOT NULL').all() as { instance: string; ready_ms: number | null }[];
  const notes = (sql.prepare(`SELECT data FROM events WHERE type = 'run.note'`).all() as { data: string }[]).map((r) => JSON.parse(r.data).message as string);
  const samples = sql.prepare(`SELECT probe, value, items, error FROM probe_samples WHERE final = 1 ORDER BY probe`).all() as Record<string, unknown>[];
  sql.close();
  assert.ok(faults.length >= 3);
  assert.ok(faults.every((f) => f.ready_ms !== null), 'every killed server was ready again');
  if (faults.some((f) => f.instance === 'db.0')) assert.ok(notes.some((n) => /db\.0: .*not properly shut down; automatic recovery in progress/.test(n)), notes.join('\n'));
  assert.deepEqual(samples, [{ probe: 'ping', value: null, items: '["PONG"]', error: null }, { probe: 'rows', value: 1, items: null, error: null }]);
  assert.deepEqual(serverPids(run.id), [], 'no postgres backend or redis-server left');
  assert.equal(existsSync(path.join(os.tmpdir(), `crashtest-${run.id}`)), false, 'the PostgreSQL data folder is removed');
});

test('a missing server binary is exit 3 naming what to install', async () => {
  const dir = tempDir();
  const result = await runCli(['run', path.join(FIXTURES, 'scenarios/good/redis-only.yml'), '--db', path.join(dir, 'r.db'), '--out', dir], { env: { PATH: '/nonexistent' } });
  assert.equal(result.code, 3);
  assert.equal(result.stderr, 'error: cache.0: preset redis needs redis-server; not found in PATH\ninstall it (Debian: apt-get install redis-server) or set bin_dir: on the component\n');
});
