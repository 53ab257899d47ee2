// Incremental verify (--state): a check reads new outputs plus a rotating sample of old ones, so it catches a bad
// new output at once and a bad old one within ceil(old/sample) checks; --full reads all; --compact hard-links.
// verify only reads: a writer holding the lock (an api paused mid-commit) does not hold it up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { tempDir, cli, cliOk } from './helpers.js';
import { processGroup } from './procs.js';
import { planReads } from '../../src/converter/system/verify-plan.js';
import { emptyState } from '../../src/converter/system/verify-state.js';
import type { Job } from '../../src/converter/system/jobs.js';

interface JobJson { id: string; state: string; output: string; checksum: string | null }
interface Rig { dir: string; db: string; base: string; state: string }

/** A real api and worker over SQLite; `post(n)` sends n jobs of the same small image and waits for all to be done. */
async function startRig(t: Parameters<typeof processGroup>[0], label: string): Promise<Rig & { post(keys: string[]): Promise<void> }> {
  const start = processGroup(t);
  const dir = tempDir(t, label);
  cliOk(['make-image', '--out', path.join(dir, 'disk.qcow2'), '--size', '1M', '--seed', '5', '--data-fraction', '0.5']);
  const db = path.join(dir, 'jobs.db');
  const api = start('api', ['api', '--db', db, '--port', '0', '--data', dir]);
  const base = `http://127.0.0.1:${/:(\d+)/.exec(await api.waitForLine(/^listening on /))![1]}`;
  start('w1', ['worker', '--db', db, '--data', dir, '--id', 'w1', '--poll', '10ms']);
  const post = async (keys: string[]): Promise<void> => {
    for (const key of keys) {
      const res = await fetch(`${base}/conversions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: '{"source": "disk.qcow2"}' });
      assert.equal(res.status, 201);
    }
    for (const key of keys) while ((await job(base, key)).state !== 'done') await new Promise((r) => setTimeout(r, 20));
  };
  return { dir, db, base, state: path.join(dir, 'verify.state'), post };
}

async function job(base: string, key: string): Promise<JobJson> {
  return (await (await fetch(`${base}/conversions?key=${key}`)).json()) as JobJson;
}

const check = (r: Rig, ...extra: string[]): string[] => {
  const out = cliOk(['verify', '--db', r.db, '--data', r.dir, '--state', r.state, ...extra]);
  return out === '' ? [] : out.trim().split('\n');
};

const keys = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

test('verify --state: a bad new output on the next check, a bad old one within ceil(old/sample) checks, --full at once', async (t) => {
  const r = await startRig(t, 'verify-inc');
  await r.post(keys('old', 9));
  assert.deepEqual(check(r, '--sample', '3'), [], 'the first check reads every output: all right');
  const old = await job(r.base, 'old4');
  fs.appendFileSync(old.output, Buffer.from([7]));
  assert.match(cli(['verify', '--db', r.db, '--data', r.dir]).stdout, new RegExp(`job ${old.id} \\(key old4\\) is done but its output`));

  await r.post(['new0']);
  const fresh = await job(r.base, 'new0');
  fs.rmSync(fresh.output);
  const first = check(r, '--sample', '3');
  assert.ok(first.some((l) => l === `job ${fresh.id} (key new0) is done but its output ${fresh.output} is missing`), first.join('\n'));

  const seen: number[] = [];
  for (let i = 0; i < 4; i += 1) if (check(r, '--sample', '3').some((l) => l.startsWith(`job ${old.id} (key old4) is done but`))) seen.push(i);
  assert.ok(seen.length > 0 && seen[0] <= 3, `the corrupted old output was seen in checks ${JSON.stringify(seen)} (9 old outputs, 3 per check)`);
  assert.equal(seen.at(-1), 3, 'once seen, a bad output is reported by every later check');
  const full = cli(['verify', '--db', r.db, '--data', r.dir, '--state', r.state, '--full']).stdout.trim().split('\n');
  assert.equal(full.length, 2, full.join('\n'));
});

test('verify --compact: right outputs of one image become hard links to one file, and a damaged one is still caught', async (t) => {
  const r = await startRig(t, 'verify-compact');
  await r.post(keys('c', 6));
  assert.deepEqual(check(r, '--compact'), []);
  const outputs = await Promise.all(keys('c', 6).map((k) => job(r.base, k)));
  const inodes = new Set(outputs.map((j) => fs.statSync(j.output).ino));
  assert.equal(inodes.size, 1, 'six identical outputs, one file on disk');
  assert.equal(fs.statSync(outputs[0].output).nlink, 6);
  assert.deepEqual(check(r, '--compact', '--full'), [], 'every done job still has its output, right');
  fs.appendFileSync(outputs[2].output, Buffer.from([1]));
  const lines = check(r, '--compact', '--full');
  assert.equal(lines.length, 6, 'the damaged shared file is reported for every job that links to it');
  assert.equal(check(r, '--compact').length, 6, 'wrong outputs are forgotten, so the next incremental check reads them again');
});

test('planReads: with no new jobs, every old output is re-read once per ceil(old/sample) checks', () => {
  const done = Array.from({ length: 7 }, (_, i) => ({ id: `id${i}`, checksum: `c${i}` }) as Job);
  const state = emptyState();
  for (const j of done) state.verified[j.id] = j.checksum!;
  const rounds: string[][] = [];
  for (let i = 0; i < 6; i += 1) {
    const plan = planReads(done, state, { full: false, sample: 3 });
    rounds.push(plan.read.map((j) => j.id));
    state.cursor = plan.cursor;
  }
  assert.deepEqual(rounds.slice(0, 3).flat().slice(0, 7).sort(), done.map((j) => j.id));
  assert.deepEqual(rounds[0], ['id0', 'id1', 'id2']);
  assert.deepEqual(rounds[2], ['id6', 'id0', 'id1']);
  const fresh = planReads([...done, { id: 'id9', checksum: 'c9' } as Job], state, { full: false, sample: 0 });
  assert.deepEqual(fresh.read.map((j) => j.id), ['id9'], 'a job not yet verified is always read');
  assert.equal(planReads(done, state, { full: true, sample: 0 }).read.length, 7);
});

test('verify takes no write lock: it answers while another process holds the store mid-commit', async (t) => {
  const r = await startRig(t, 'verify-lock');
  await r.post(['l0']);
  const writer = new Database(r.db);
  t.after(() => writer.close());
  writer.prepare('BEGIN IMMEDIATE').run();
  writer.prepare(`UPDATE jobs SET updated_at = updated_at + 1 WHERE idempotency_key = 'l0'`).run();
  const result = cli(['verify', '--db', r.db, '--data', r.dir, '--state', r.state]);
  writer.prepare('ROLLBACK').run();
  assert.deepEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr }, { status: 0, stdout: '', stderr: '' });
});
