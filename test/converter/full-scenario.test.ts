// End to end through crashtest itself: the small full topology (PostgreSQL + Redis + api + workers + reconciler,
// every one of them killed) passes; with the planted bug no-reconcile, converge fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { tempDir } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..'); // from dist/test/converter
const SCENARIO = path.join(ROOT, 'test/fixtures/scenarios/converter-full-small.yml');

interface Run { code: number | null; output: string; verdicts: Map<string, { valid: string; summary: string }> }

function crashtest(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/crashtest.js'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: stdout + stderr }));
  });
}

async function runSmall(t: { after(fn: () => void): void }, extra: string[], scenario = SCENARIO): Promise<Run> {
  const dir = tempDir(t, 'conv-full');
  const result = await crashtest(['run', scenario, '--db', path.join(dir, 'results.db'), '--out', path.join(dir, 'reports'), ...extra]);
  const sql = new Database(path.join(dir, 'results.db'), { readonly: true });
  const rows = sql.prepare('SELECT name, valid, summary FROM verdicts').all() as Array<{ name: string; valid: string; summary: string }>;
  sql.close();
  return { ...result, verdicts: new Map(rows.map((r) => [r.name, r])) };
}

test('the full topology under kill -9 of every component (postgres and redis included) passes', async (t) => {
  const run = await runSmall(t, []);
  assert.equal(run.code, 0, run.output);
  assert.deepEqual([...run.verdicts.keys()].sort(), ['consistency', 'converge', 'no_loss', 'progress', 'recovery', 'wake_up']);
  for (const [name, v] of run.verdicts) assert.equal(v.valid, 'true', `${name}: ${v.summary}`);
});

// Only Redis is killed (every 1.5 s), and the worker, idle when the run starts, sleeps 5 s before it looks
// at the queue again: the jobs the api queued meanwhile are in Redis at the first kills, whatever the
// machine's load (on a quiet machine a 20 ms poll drains the queue before any kill).
function queueOnlyScenario(dir: string): string {
  const text = readFileSync(SCENARIO, 'utf8')
    .replaceAll('../../../dist/', `${path.join(ROOT, 'dist')}/`)
    .replace('targets: [db, queue, api, "worker*", reconciler]', 'targets: [queue]')
    .replace('interval: 700ms', 'interval: 1500ms')
    .replace('--poll, 20ms', '--poll, 5s');
  assert.match(text, /--poll, 5s/);
  assert.match(text, /targets: \[queue\]/);
  const file = path.join(dir, 'converter-full-queue-kills.yml');
  writeFileSync(file, text);
  return file;
}

test('planted bug no-reconcile: the queue lost with Redis is never rebuilt, converge fails', async (t) => {
  const run = await runSmall(t, ['--env', 'CONVERTER_BUG=no-reconcile'], queueOnlyScenario(tempDir(t, 'conv-full-queue')));
  assert.equal(run.code, 1, run.output);
  assert.equal(run.verdicts.get('converge')?.valid, 'false', run.output);
  assert.match(run.output, /FAIL {2}converge/);
});
