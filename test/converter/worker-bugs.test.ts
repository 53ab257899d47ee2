// The worker's planted bugs are observable from outside (verify, job states, logs) after a kill -9;
// each test is paired with the correct worker's behaviour where the contrast is cheap to show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tempDir, cli, cliOk } from './helpers.js';
import { processGroup, exited, type Service } from './procs.js';

type Hook = { after(fn: () => void | Promise<void>): void };
interface JobJson { id: string; state: string; attempts: number; output: string }
interface Rig { dir: string; db: string; base: string; job: JobJson; worker(id: string, ...args: string[]): Service }

let imageDir = '';
let image = '';
before(() => {
  imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bugs-img-'));
  image = path.join(imageDir, 'big.qcow2');
  cliOk(['make-image', '--out', image, '--size', '256M', '--seed', '41', '--data-fraction', '1']); // ~0.3 s to convert
});
after(() => fs.rmSync(imageDir, { recursive: true, force: true }));

/** An api with one posted job for the big image; workers started through rig.worker() are killed after the test. */
async function rig(t: Hook): Promise<Rig> {
  const start = processGroup(t); // first: processes die before tempDir's cleanup runs
  const dir = tempDir(t, 'bugs');
  const db = path.join(dir, 'jobs.db');
  const api = start('api', ['api', '--db', db, '--port', '0', '--data', dir]);
  const base = `http://127.0.0.1:${/:(\d+)$/.exec(await api.waitForLine(/^listening on /))![1]}`;
  const res = await fetch(`${base}/conversions`, { method: 'POST', headers: { 'idempotency-key': 'big' }, body: JSON.stringify({ source: image }) });
  const job = (await res.json()) as JobJson;
  const worker = (id: string, ...args: string[]) => start(id, ['worker', '--db', db, '--data', dir, '--id', id, ...args]);
  return { dir, db, base, job, worker };
}

async function jobNow(r: Rig): Promise<JobJson> {
  return (await (await fetch(`${r.base}/conversions/${r.job.id}`)).json()) as JobJson;
}

async function killed(w: Service): Promise<void> {
  w.kill();
  await exited(w);
}

const verify = (r: Rig) => cli(['verify', '--db', r.db, '--data', r.dir]).stdout;

test('bug done-before-output-durable: kill -9 right after "done" leaves a done job without its output', async (t) => {
  const r = await rig(t);
  const w1 = r.worker('w1', '--bug', 'done-before-output-durable');
  await w1.waitForLine(new RegExp(`done job ${r.job.id}`));
  await killed(w1);
  assert.equal((await jobNow(r)).state, 'done');
  assert.match(verify(r), new RegExp(`^job ${r.job.id} \\(key big\\) is done but its output .* is missing\\n$`));
});

test('bug non-atomic-write: a half-written output is trusted by the retry, verify sees the wrong checksum', async (t) => {
  const r = await rig(t);
  const w1 = r.worker('w1', '--bug', 'non-atomic-write', '--lease-ttl', '300ms');
  await w1.waitForLine(new RegExp(`took job ${r.job.id}`));
  while (!fs.existsSync(r.job.output)) await new Promise((res) => setTimeout(res, 2));
  await killed(w1);
  const w2 = r.worker('w2', '--bug', 'non-atomic-write', '--lease-ttl', '300ms');
  await w2.waitForLine(new RegExp(`done job ${r.job.id}`));
  assert.match(verify(r), new RegExp(`^job ${r.job.id} \\(key big\\) is done but its output .* has checksum [0-9a-f]{40}, expected [0-9a-f]{40}\\n$`));
});

test('bug no-lease-expiry: a killed worker\'s job is never taken over (a correct worker then finishes it)', async (t) => {
  const r = await rig(t);
  const w1 = r.worker('w1', '--bug', 'no-lease-expiry', '--lease-ttl', '200ms');
  await w1.waitForLine(new RegExp(`took job ${r.job.id}`));
  await killed(w1);
  const w2 = r.worker('w2', '--bug', 'no-lease-expiry', '--lease-ttl', '200ms');
  await w2.waitForLine(/ready/);
  await new Promise((res) => setTimeout(res, 1000)); // five lease lifetimes
  assert.deepEqual([(await jobNow(r)).state, (await jobNow(r)).attempts], ['running', 1]);
  const w3 = r.worker('w3', '--lease-ttl', '200ms');
  await w3.waitForLine(new RegExp(`done job ${r.job.id}`));
  assert.equal(verify(r), '');
});

test('bug lease-not-refreshed: a job longer than the lease is stolen from a live worker and converted twice', async (t) => {
  const r = await rig(t);
  const w1 = r.worker('w1', '--bug', 'lease-not-refreshed', '--lease-ttl', '100ms');
  await w1.waitForLine(new RegExp(`took job ${r.job.id} \\(attempt 1\\)`));
  const w2 = r.worker('w2', '--bug', 'lease-not-refreshed', '--lease-ttl', '100ms');
  await w2.waitForLine(new RegExp(`took job ${r.job.id} \\(attempt 2\\)`));
  await w1.waitForLine(new RegExp(`abandoned job ${r.job.id}: lease lost before commit`), 30_000);
  assert.equal(w1.child.exitCode, null, 'w1 was alive all along: it converted the job while w2 did too');
});

test('bugs lease-not-refreshed + no-fencing: both workers commit the stolen job, and verify shows it', async (t) => {
  const r = await rig(t);
  const bugs = ['--bug', 'lease-not-refreshed', '--bug', 'no-fencing', '--lease-ttl', '100ms'];
  const w1 = r.worker('w1', ...bugs);
  await w1.waitForLine(new RegExp(`took job ${r.job.id} \\(attempt 1\\)`));
  const w2 = r.worker('w2', ...bugs);
  await w2.waitForLine(new RegExp(`took job ${r.job.id} \\(attempt 2\\)`));
  await Promise.all([w1, w2].map((w) => w.waitForLine(new RegExp(`done job ${r.job.id}`), 30_000)));
  const lines = verify(r).split('\n');
  assert.match(lines[0], new RegExp(`^job ${r.job.id} \\(key big\\) was committed by attempt 1 \\(w1/.*\\) after attempt 2 had taken it over`));
  assert.match(lines[1], new RegExp(`^job ${r.job.id} \\(key big\\) was committed 2 times: `));
  assert.equal(lines.length, 3);
});
