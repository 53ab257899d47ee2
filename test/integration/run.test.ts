// Whole runs of the CLI on fixture services: real processes, real SIGKILL, a real SQLite history,
// and nothing left running afterwards — after a normal end, after Ctrl-C, and after kill -9 of crashtest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, pidsWithTag, runCli, startCli, tempDir, waitFor, waitForOutput } from '../helpers.js';

const TAGGED = path.join(FIXTURES, 'scenarios/good/tagged.yml');

function setup() {
  const dir = tempDir();
  const tag = `ct-${randomUUID()}`;
  return { db: path.join(dir, 'results.db'), out: path.join(dir, 'reports'), tag };
}

type Row = Record<string, number | string | null>;

test('a run kills at the interval, restarts what it killed, records it all and leaves nothing behind', async () => {
  const { db, out, tag } = setup();
  const result = await runCli(['run', TAGGED, '--db', db, '--out', out], { env: { CT_TAG: tag } });
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /seed 11/);
  assert.match(result.stdout, /PASS {2}recovery {5}\d faults? recovered/); // on a loaded machine a slow restart may be killed again first
  assert.deepEqual(pidsWithTag(tag), [], 'no fixture process (nor grandchild) survives the run');

  const sql = new Database(db, { readonly: true });
  const run = sql.prepare('SELECT * FROM runs').get() as Row;
  assert.equal(run.status, 'passed');
  assert.equal(run.seed, 11);
  const faults = sql.prepare('SELECT * FROM faults ORDER BY seq').all() as Row[];
  assert.equal(faults.length, 5, 'kills at +250, +500, +750, +1000, +1250 ms; quiet after 1500 ms');
  faults.forEach((fault, i) => {
    assert.equal(Number(fault.scheduled_ms) - Number(faults[0].scheduled_ms), i * 250);
    // Fired at its own time, not skipped or batched (the margin is for a loaded CI machine; precision is a bench).
    assert.ok(Number(fault.fired_ms) - Number(fault.scheduled_ms) < 1000, `fault ${fault.seq} fired on time`);
    assert.ok(Number(fault.restarted_ms) > Number(fault.fired_ms), `fault ${fault.seq} was followed by a restart`);
    if (fault.ready_ms !== null) assert.ok(Number(fault.ready_ms) >= Number(fault.restarted_ms), `fault ${fault.seq}: ready after its restart`);
  });
  assert.ok(faults.filter((f) => f.ready_ms !== null).length >= 3, 'the replacements became ready (one killed again first is allowed)');
  const killed = sql.prepare(`SELECT COUNT(*) AS n FROM instances WHERE cause = 'chaos' AND signal = 'SIGKILL'`).get() as Row;
  assert.equal(killed.n, 5);
  const spawned = sql.prepare('SELECT COUNT(*) AS n FROM instances').get() as Row;
  assert.equal(spawned.n, 3 + 5, 'three instances, plus one replacement per kill');
  const types = (sql.prepare('SELECT DISTINCT type FROM events').all() as Row[]).map((r) => r.type);
  for (const type of ['run.started', 'component.spawned', 'component.ready', 'component.exited', 'fault.injected', 'run.phase']) assert.ok(types.includes(type), type);
  assert.equal((sql.prepare('SELECT valid FROM verdicts').get() as Row).valid, 'true');
  sql.close();

  const log = readFileSync(path.join(out, String(run.id), 'logs/worker.0.log'), 'utf8');
  assert.match(log, /^\+\d+\.\d{3}s out started pid \d+$/m, 'log lines are timestamped');
});

test('the same seed gives the same faults in two runs', async () => {
  const { db, out, tag } = setup();
  const args = ['run', TAGGED, '--db', db, '--out', out, '--seed', '99', '--duration', '1500ms', '--interval', '200ms'];
  assert.equal((await runCli(args, { env: { CT_TAG: tag } })).code, 0);
  assert.equal((await runCli(args, { env: { CT_TAG: tag } })).code, 0);
  const sql = new Database(db, { readonly: true });
  const lists = (sql.prepare('SELECT id FROM runs ORDER BY started_at').all() as Row[]).map((run) =>
    (sql.prepare('SELECT seq, ROUND(scheduled_ms - (SELECT MIN(scheduled_ms) FROM faults WHERE run_id = ?)) AS offset, instance FROM faults WHERE run_id = ? ORDER BY seq').all(run.id, run.id)));
  sql.close();
  assert.equal(lists.length, 2);
  assert.ok(lists[0].length >= 4);
  assert.deepEqual(lists[0], lists[1]);
});

test('--no-chaos runs the same scenario without a single kill', async () => {
  const { db, out, tag } = setup();
  const result = await runCli(['run', TAGGED, '--db', db, '--out', out, '--no-chaos', '--duration', '500ms'], { env: { CT_TAG: tag } });
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /no chaos/);
  assert.doesNotMatch(result.stdout, /kill /);
  const sql = new Database(db, { readonly: true });
  assert.equal((sql.prepare('SELECT COUNT(*) AS n FROM faults').get() as Row).n, 0);
  sql.close();
});

test('Ctrl-C stops every component and marks the run aborted', async () => {
  const { db, out, tag } = setup();
  const cli = startCli(['run', TAGGED, '--db', db, '--out', out, '--duration', '30s'], { env: { CT_TAG: tag } });
  assert.ok(await waitForOutput(cli.output, 'phase   chaos', 10_000), cli.output());
  assert.equal(pidsWithTag(tag).length, 3 + 2 * 2, 'web, two workers and their four children are running');
  cli.kill('SIGINT');
  const code = await new Promise((resolve) => cli.once('exit', resolve));
  assert.equal(code, 130);
  assert.deepEqual(pidsWithTag(tag), []);
  assert.match(cli.output(), /aborted; every component was stopped/);
  const runs = await runCli(['runs', '--db', db]);
  assert.match(runs.stdout, /aborted/);
});

test('kill -9 of crashtest: no component survives it by more than 2 s, and the run shows as aborted', async () => {
  const { db, out, tag } = setup();
  const cli = startCli(['run', TAGGED, '--db', db, '--out', out, '--duration', '30s'], { env: { CT_TAG: tag } });
  assert.ok(await waitForOutput(cli.output, 'phase   chaos', 10_000), cli.output());
  assert.ok(pidsWithTag(tag).length >= 7);
  cli.kill('SIGKILL');
  await new Promise((resolve) => cli.once('exit', resolve));
  const killedAt = Date.now();
  assert.ok(await waitFor(() => pidsWithTag(tag).length === 0, 2000), `still running: ${pidsWithTag(tag)}`);
  assert.ok(Date.now() - killedAt < 2000);
  const runs = await runCli(['runs', '--db', db]);
  assert.match(runs.stdout, /^\S+\s+aborted\s+tagged fixtures/m);
});

test('a component that never becomes ready fails the run with exit 3 and its last log lines', async () => {
  const { db, out } = setup();
  const result = await runCli(['run', path.join(FIXTURES, 'scenarios/good/never-ready.yml'), '--db', db, '--out', out]);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /^error: broken\.0 \(pid \d+\) failed to start: exited before it was ready$/m);
  assert.match(result.stderr, /\| fatal: cannot open \/nonexistent\/config/);
  assert.doesNotMatch(result.stderr, /at .*\.js:\d+/, 'no stack trace');
  const sql = new Database(db, { readonly: true });
  assert.equal((sql.prepare('SELECT status, exit_code FROM runs').get() as Row).status, 'error');
  sql.close();
  assert.ok(existsSync(out));
});

test('a failing setup command stops the run before any component starts: exit 3 with its output', async () => {
  const { db, out } = setup();
  const result = await runCli(['run', path.join(FIXTURES, 'scenarios/good/setup-fails.yml'), '--db', db, '--out', out]);
  assert.equal(result.code, 3);
  assert.equal(result.stderr, `error: setup command failed (exit 7): echo preparing; echo 'no space left' >&2; exit 7\n  | preparing\n  | no space left\n`);
  assert.doesNotMatch(result.stdout, /spawn/);
});

test('a component that keeps dying on its own is restarted with a doubling backoff, each exit recorded', async () => {
  const { db, out } = setup();
  const result = await runCli(['run', path.join(FIXTURES, 'scenarios/good/crash-loop.yml'), '--db', db, '--out', out]);
  assert.equal(result.code, 1, 'a crash loop fails the run (wake_up, judged by default)');
  assert.match(result.stdout, /FAIL {2}wake_up {6}yes, at [\d.]+ m?s: flaky\.0 crash-looped: \d+ exits of its own \(code 3\)/);
  assert.match(result.stdout, /exit {4}flaky\.0 \(pid \d+\) exited with code 3 0\.\d s after start \(not caused by crashtest\)/);
  assert.match(result.stdout, /restart flaky\.0 in 100 ms \(crash loop: 1 quick exits in a row\)/);
  const sql = new Database(db, { readonly: true });
  const delays = (sql.prepare(`SELECT data FROM events WHERE type = 'component.restarting' ORDER BY id`).all() as { data: string }[]).map((r) => JSON.parse(r.data).delayMs);
  const exits = sql.prepare(`SELECT exit_code, cause FROM instances WHERE ended_ms IS NOT NULL AND cause = 'self'`).all() as Row[];
  sql.close();
  assert.deepEqual(delays.slice(0, 3), [100, 200, 400]);
  assert.ok(exits.length >= 3);
  assert.ok(exits.every((e) => e.exit_code === 3));
});
