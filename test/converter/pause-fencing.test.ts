// A worker paused (SIGSTOP of its process group) past its lease TTL while a second worker takes its job over,
// then resumed: the correct worker is fenced out and abandons the job; under no-fencing it commits, and verify shows it.
// Each case runs on SQLite and on PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tempDir, cli, cliOk } from './helpers.js';
import { processGroup, type Service } from './procs.js';
import { startPostgres } from './servers.js';

type Hook = { after(fn: () => void | Promise<void>): void };
interface Rig { dir: string; db: string; jobId: string; worker(id: string, ...args: string[]): Service }

const TTL = '400ms';
const PAUSE_MS = 900; // over two TTLs: the lease has surely expired when the second worker looks

let imageDir = '';
let image = '';
before(() => {
  imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pause-img-'));
  image = path.join(imageDir, 'big.qcow2');
  cliOk(['make-image', '--out', image, '--size', '128M', '--seed', '43', '--data-fraction', '1']); // ~0.15 s to convert, then the fsync
});
after(() => fs.rmSync(imageDir, { recursive: true, force: true }));

/** An api with one posted job for the big image; workers started through rig.worker() are killed after the test. */
async function rig(t: Hook, store: 'sqlite' | 'postgres' = 'sqlite'): Promise<Rig> {
  const start = processGroup(t); // first: processes die before the server stops and before tempDir's cleanup runs
  const server = store === 'postgres' ? await startPostgres(t) : null;
  const dir = tempDir(t, 'pause');
  const db = server?.url ?? path.join(dir, 'jobs.db');
  const api = start('api', ['api', '--db', db, '--port', '0', '--data', dir]);
  const base = `http://127.0.0.1:${/:(\d+)$/.exec(await api.waitForLine(/^listening on /))![1]}`;
  const res = await fetch(`${base}/conversions`, { method: 'POST', headers: { 'idempotency-key': 'big' }, body: JSON.stringify({ source: image }) });
  const jobId = ((await res.json()) as { id: string }).id;
  const worker = (id: string, ...args: string[]) => start(id, ['worker', '--db', db, '--data', dir, '--id', id, '--lease-ttl', TTL, ...args]);
  return { dir, db, jobId, worker };
}

/**
 * w1 takes the job and is stopped mid-conversion for PAUSE_MS; w2 takes the expired lease over (attempt 2);
 * then w1 is resumed. Returns both workers, still running.
 */
async function pauseDuringJob(r: Rig, bugs: string[]): Promise<[Service, Service]> {
  const w1 = r.worker('w1', ...bugs);
  await w1.waitForLine(new RegExp(`took job ${r.jobId} \\(attempt 1\\)`));
  process.kill(-w1.child.pid!, 'SIGSTOP');
  await sleep(PAUSE_MS);
  const w2 = r.worker('w2', ...bugs);
  await w2.waitForLine(new RegExp(`took job ${r.jobId} \\(attempt 2\\)`));
  assert.ok(!w1.lines.some((l) => l.includes(`done job ${r.jobId}`)), 'w1 was stopped before it could finish');
  process.kill(-w1.child.pid!, 'SIGCONT');
  return [w1, w2];
}

const verify = (r: Rig) => cli(['verify', '--db', r.db, '--data', r.dir]).stdout;

for (const store of ['sqlite', 'postgres'] as const) {
  test(`${store}: pause past the lease: the resumed worker finds its lease gone and abandons the job; verify is clean`, async (t) => {
    const r = await rig(t, store);
    const [w1, w2] = await pauseDuringJob(r, []);
    await w1.waitForLine(new RegExp(`abandoned job ${r.jobId}: (conversion stopped: lease on job ${r.jobId} was taken over by another worker|lease lost before commit)$`));
    await w2.waitForLine(new RegExp(`done job ${r.jobId}`));
    assert.equal(verify(r), '');
  });

  test(`${store}: bug no-fencing: the resumed worker commits over the takeover; verify names the stale commit`, async (t) => {
    const r = await rig(t, store);
    const [w1, w2] = await pauseDuringJob(r, ['--bug', 'no-fencing']);
    await w1.waitForLine(new RegExp(`done job ${r.jobId}`));
    await w2.waitForLine(new RegExp(`done job ${r.jobId}`));
    const holder = (id: string) => `${id}/\\d+/[0-9a-f]{8}`;
    assert.match(verify(r), new RegExp(`^job ${r.jobId} \\(key big\\) was committed by attempt 1 \\(${holder('w1')}\\) after attempt 2 `
      + 'had taken it over: a worker committed without holding the lease\n'
      + `job ${r.jobId} \\(key big\\) was committed 2 times: attempt \\d \\(w\\d/.*\\), attempt \\d \\(w\\d/.*\\)\n$`));
  });
}
