// A full disk (a real 2 MB tmpfs) under --out and --db, and a component that writes without end: crashtest
// stops with exit 4 and one clear line, closes the run as `error` where the database still takes writes, and
// `crashtest runs` still lists runs. A 50 MiB line with no newline is cut, not held in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, runCli, tempDir } from '../helpers.js';
import { fillUp, mountTmpfs, tmpfsSkip } from '../tmpfs.js';

const CHATTY = path.join(FIXTURES, 'scenarios/logs/chatty.yml');
const NO_STACK = /^\s+at /m;

function storedRun(dbFile: string): { status: string; exit_code: number | null } {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT status, exit_code FROM runs').get() as { status: string; exit_code: number | null };
  } finally {
    db.close();
  }
}

test('logs fill the disk under --out: exit 4, one line, the run closed as error in the database', { skip: tmpfsSkip }, async (t) => {
  const disk = mountTmpfs(t, '2m');
  const db = path.join(tempDir(), 'ct.db');
  const result = await runCli(['run', CHATTY, '--out', path.join(disk, 'out'), '--db', db], { env: { CT_TAG: 'ct-full-out' } });
  assert.equal(result.code, 4, result.stderr);
  assert.match(result.stderr, /^error: cannot write the log \/.*\/logs\/chatty\.0\.log: no space left on device \(ENOSPC\); the run was stopped\n/);
  assert.doesNotMatch(result.stderr, NO_STACK);
  assert.deepEqual(storedRun(db), { status: 'error', exit_code: 4 });
});

test('--out and --db on one full disk: exit 4, one line; crashtest runs still lists the run', { skip: tmpfsSkip }, async (t) => {
  const disk = mountTmpfs(t, '2m');
  const db = path.join(disk, 'ct.db');
  const result = await runCli(['run', CHATTY, '--out', path.join(disk, 'out'), '--db', db], { env: { CT_TAG: 'ct-full-both' } });
  assert.equal(result.code, 4, result.stderr);
  assert.match(result.stderr, /^error: cannot write (the log .*chatty\.0\.log|the results database .*ct\.db): .*; the run was stopped\n/);
  assert.doesNotMatch(result.stderr, NO_STACK);
  fillUp(disk);
  const runs = await runCli(['runs', '--db', db]);
  assert.equal(runs.code, 0, runs.stderr);
  assert.match(runs.stdout, /^RUN +STATUS +SCENARIO .*\n\d{8}-\d{6}-[0-9a-f]{4} +(running|error|aborted) +chatty /);
});

test('a full database before the run: exit 4 with one line, not an uncaught SQLITE_FULL', { skip: tmpfsSkip }, async (t) => {
  const disk = mountTmpfs(t, '2m');
  const db = path.join(disk, 'ct.db');
  const out = tempDir();
  const first = await runCli(['run', CHATTY, '--out', out, '--db', db, '--duration', '1s', '--env', 'CHATTY_LONG_MIB=1'], { env: { CT_TAG: 'ct-full-db' } });
  assert.equal(first.code, 0, first.stderr);
  fillUp(disk);
  const result = await runCli(['run', CHATTY, '--out', out, '--db', db], { env: { CT_TAG: 'ct-full-db' } });
  assert.equal(result.code, 4, result.stderr);
  assert.match(result.stderr, /^error: (the results database cannot be used: database or disk is full|cannot use the results database .*ct\.db: disk I\/O error \(SQLITE_IOERR\w*: is its disk full\?\))/);
  assert.equal(result.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('warning: no report written')).length, 1, result.stderr);
  const runs = await runCli(['runs', '--db', db]);
  assert.equal(runs.code, 0, runs.stderr);
  assert.match(runs.stdout, /chatty/);
});

test('a 50 MiB line with no newline is cut at 64 Ki characters and marked; the lines after it are kept', async (t) => {
  const out = tempDir();
  const result = await runCli(['run', CHATTY, '--out', out, '--db', path.join(out, 'ct.db'), '--duration', '2s', '--env', 'CHATTY_LONG_MIB=50'],
    { env: { CT_TAG: 'ct-long-line' } });
  assert.equal(result.code, 0, result.stderr);
  const runDir = readdirSync(out).find((f) => /^\d{8}-/.test(f))!;
  const log = readFileSync(path.join(out, runDir, 'logs/chatty.0.log'), 'utf8');
  assert.ok(log.length < 100_000, `the log holds ${log.length} characters`);
  assert.match(log, /\+\d+\.\d{3}s out y{65536} \[cut by crashtest: line longer than 65536 characters\]\n/);
  assert.match(log, /\+\d+\.\d{3}s out after the long line\n/);
  void t;
});
