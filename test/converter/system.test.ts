// End to end: a real api and two real workers over one SQLite file. Jobs (one malformed) all end; verify is
// silent; a worker killed with SIGKILL mid-job loses nothing (its lease expires and the other worker finishes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, cli, cliOk, qemuConvert, sameBytes } from './helpers.js';
import { processGroup, exited, type Service } from './procs.js';

interface JobJson { id: string; idempotency_key: string; state: string; attempts: number; output: string; checksum: string | null; error: string | null }

async function post(base: string, key: string | null, body: unknown, extra: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
  if (key !== null) headers['idempotency-key'] = key;
  const res = await fetch(`${base}/conversions`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  assert.equal(res.status, 200, `GET ${url}`);
  return (await res.json()) as T;
}

async function until<T>(what: string, fn: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface System { dir: string; db: string; base: string; workers: Service[] }

/** Makes the images, starts the api and two workers (lease TTL 600 ms); every process is killed after the test. */
async function startSystem(start: (name: string, args: string[]) => Service, dir: string): Promise<System> {
  const images = { mixed: ['--size', '64M', '--seed', '31'], packed: ['--size', '16M', '--seed', '32', '--compressed'], sparse: ['--size', '64M', '--seed', '33', '--mostly-empty'], big: ['--size', '256M', '--seed', '34', '--data-fraction', '1'] };
  for (const [name, args] of Object.entries(images)) cliOk(['make-image', '--out', path.join(dir, `${name}.qcow2`), ...args]);
  fs.writeFileSync(path.join(dir, 'bad.qcow2'), Buffer.from('this is not a qcow2 image at all'));
  const db = path.join(dir, 'jobs.db');
  const api = start('api', ['api', '--db', db, '--port', '0', '--data', dir]);
  const port = /listening on 127\.0\.0\.1:(\d+)/.exec(await api.waitForLine(/^listening on /))![1];
  const workers = ['w1', 'w2'].map((id) => start(id, ['worker', '--db', db, '--data', dir, '--id', id, '--lease-ttl', '600ms']));
  return { dir, db, base: `http://127.0.0.1:${port}`, workers };
}

/** Key required, deadline honoured, creation idempotent; posts the four small jobs. Returns the mixed job's id. */
async function postJobs(base: string): Promise<string> {
  assert.equal((await post(base, null, { source: 'mixed.qcow2' })).status, 400);
  assert.equal((await post(base, 'late', { source: 'mixed.qcow2' }, { 'x-deadline': String(Date.now() - 1000) })).status, 504);
  const first = await post(base, 'k-mixed', { source: 'mixed.qcow2' });
  assert.equal(first.status, 201);
  const again = await post(base, 'k-mixed', { source: 'mixed.qcow2' });
  assert.equal(again.status, 200);
  assert.equal(again.json.id, first.json.id);
  for (const name of ['packed', 'sparse', 'bad']) assert.equal((await post(base, `k-${name}`, { source: `${name}.qcow2` })).status, 201);
  return String(first.json.id);
}

async function checkAllEnded(sys: System, mixedId: string): Promise<void> {
  const { base, dir } = sys;
  await until('all jobs to end', async () => {
    const s = await getJson<{ pending: number; running: number }>(`${base}/stats`);
    return s.pending + s.running === 0 ? s : null;
  });
  assert.deepEqual(await getJson(`${base}/stats`), { pending: 0, running: 0, done: 3, failed: 1, total: 4, done_counter: 3 });
  const bad = await getJson<JobJson>(`${base}/conversions?key=k-bad`);
  assert.equal(bad.state, 'failed');
  assert.equal(bad.error, 'image refused: file is too small to be a qcow2 image (32 bytes)');
  const mixed = await getJson<JobJson>(`${base}/conversions/${mixedId}`);
  assert.ok(sameBytes(mixed.output, qemuConvert(path.join(dir, 'mixed.qcow2'), path.join(dir, 'mixed.qemu.raw'))));
  assert.deepEqual((await (await fetch(`${base}/keys?state=done`)).text()).split('\n').filter(Boolean).sort(), ['k-mixed', 'k-packed', 'k-sparse']);
  assert.deepEqual(cli(['verify', '--db', sys.db, '--data', dir]), { status: 0, signal: null, stdout: '', stderr: '', timedOut: false });
}

/** kill -9 the worker that takes the big job while it converts; the other worker must finish it. */
async function killWorkerMidJob(sys: System): Promise<void> {
  const big = await post(sys.base, 'k-big', { source: 'big.qcow2' });
  const id = String(big.json.id);
  const taker = await Promise.race(sys.workers.map((w) => w.waitForLine(new RegExp(`took job ${id}`)).then(() => w)));
  taker.kill();
  await exited(taker);
  const midway = await getJson<JobJson>(`${sys.base}/conversions/${id}`);
  assert.equal(midway.state, 'running', 'the worker was killed before it could finish');
  const finished = await until('the big job to be taken over and done', async () => {
    const j = await getJson<JobJson>(`${sys.base}/conversions/${id}`);
    return j.state === 'done' ? j : null;
  });
  assert.equal(finished.attempts, 2);
  assert.equal(cli(['verify', '--db', sys.db, '--data', sys.dir]).stdout, '');
}

/** verify is not vacuous: damage one output and delete another, it reports exactly those two. */
async function checkVerifyCatches(sys: System, mixedId: string): Promise<void> {
  const mixed = await getJson<JobJson>(`${sys.base}/conversions/${mixedId}`);
  fs.appendFileSync(mixed.output, Buffer.from([1]));
  const packed = await getJson<JobJson>(`${sys.base}/conversions?key=k-packed`);
  fs.rmSync(packed.output);
  const report = cli(['verify', '--db', sys.db, '--data', sys.dir]);
  assert.equal(report.status, 0);
  assert.equal(report.stdout.trim().split('\n').length, 2);
  assert.match(report.stdout, new RegExp(`job ${mixed.id} \\(key k-mixed\\) is done but its output .* has checksum [0-9a-f]{40}, expected ${mixed.checksum}`));
  assert.match(report.stdout, new RegExp(`job ${packed.id} \\(key k-packed\\) is done but its output .* is missing`));
}

test('system: api + 2 workers convert jobs, fail the malformed one, survive kill -9 of a worker mid-job', async (t) => {
  const start = processGroup(t); // first: processes die before tempDir's cleanup runs
  const sys = await startSystem(start, tempDir(t, 'system'));
  const mixedId = await postJobs(sys.base);
  await checkAllEnded(sys, mixedId);
  await killWorkerMidJob(sys);
  await checkVerifyCatches(sys, mixedId);
});
