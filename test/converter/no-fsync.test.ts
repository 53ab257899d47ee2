// The planted bug no-fsync, by its mechanism: the api and a worker run under strace, which counts their fsync and
// fdatasync calls. The correct system syncs every acknowledged job and every output; with the bug there is none.
// (What it costs shows only under power loss: the page cache survives kill -9, so verify stays clean here.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tempDir, cli, cliOk } from './helpers.js';
import { processGroup, exited, type Service } from './procs.js';

type Hook = { after(fn: () => void | Promise<void>): void };

const STRACE = '/usr/bin/strace';

let imageDir = '';
let image = '';
before(() => {
  imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nofsync-img-'));
  image = path.join(imageDir, 'small.qcow2');
  cliOk(['make-image', '--out', image, '--size', '8M', '--seed', '44', '--data-fraction', '0.5']);
});
after(() => fs.rmSync(imageDir, { recursive: true, force: true }));

/** SIGKILLs the program strace runs (not strace itself, which then writes out its log and exits). */
async function killTracee(s: Service): Promise<void> {
  const pid = s.child.pid!;
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  for (const child of children) process.kill(child, 'SIGKILL');
  await exited(s);
}

/** The fsync and fdatasync calls in a strace log, as "fsync(3) = 0" lines. */
function syncCalls(log: string): string[] {
  return fs.readFileSync(log, 'utf8').split('\n').filter((l) => /\b(fsync|fdatasync)\(/.test(l));
}

/** One job posted to a traced api and converted by a traced worker; returns both logs' sync calls and verify's output. */
async function tracedJob(t: Hook, bugs: string[]): Promise<{ api: string[]; worker: string[]; verify: string }> {
  const start = processGroup(t);
  const dir = tempDir(t, 'nofsync');
  const db = path.join(dir, 'jobs.db');
  const trace = (log: string) => [STRACE, '-f', '-qq', '-e', 'trace=fsync,fdatasync', '-o', path.join(dir, log)];
  const api = start('api', ['api', '--db', db, '--port', '0', '--data', dir, ...bugs], trace('api.strace'));
  const base = `http://127.0.0.1:${/:(\d+)$/.exec(await api.waitForLine(/^listening on /))![1]}`;
  const res = await fetch(`${base}/conversions`, { method: 'POST', headers: { 'idempotency-key': 'small' }, body: JSON.stringify({ source: image }) });
  assert.equal(res.status, 201);
  const { id } = (await res.json()) as { id: string };
  const worker = start('w1', ['worker', '--db', db, '--data', dir, '--id', 'w1', ...bugs], trace('worker.strace'));
  await worker.waitForLine(new RegExp(`done job ${id}`));
  await killTracee(api);
  await killTracee(worker);
  const verify = cli(['verify', '--db', db, '--data', dir]).stdout;
  return { api: syncCalls(path.join(dir, 'api.strace')), worker: syncCalls(path.join(dir, 'worker.strace')), verify };
}

test('correct system: the api fsyncs before its 201, the worker fsyncs the output, its folder and the commit', async (t) => {
  const r = await tracedJob(t, []);
  assert.ok(r.api.length > 0, 'the api synced the inserted job');
  assert.ok(r.worker.length >= 3, `the worker synced output, folder and commit; got ${JSON.stringify(r.worker)}`);
  assert.equal(r.verify, '');
});

test('bug no-fsync: neither the api nor the worker ever calls fsync or fdatasync (and kill -9 alone does not show it)', async (t) => {
  const r = await tracedJob(t, ['--bug', 'no-fsync']);
  assert.deepEqual({ api: r.api, worker: r.worker }, { api: [], worker: [] });
  assert.equal(r.verify, '', 'the page cache kept everything: only a power loss loses it');
});
