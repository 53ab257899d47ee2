// The api alone (no workers): its HTTP contract, overload answers, and that a 201 survives kill -9 of the api.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './helpers.js';
import { processGroup, exited, type Service } from './procs.js';

type Hook = { after(fn: () => void | Promise<void>): void };
type Start = ReturnType<typeof processGroup>;

/** Starts an api on a free port; the group kills it (SIGKILL, whole process group) after the test. */
async function startApi(start: Start, db: string, dir: string, extra: string[] = []): Promise<{ api: Service; base: string }> {
  const api = start('api', ['api', '--db', db, '--port', '0', '--data', dir, ...extra]);
  const port = /:(\d+)$/.exec(await api.waitForLine(/^listening on 127\.0\.0\.1:\d+$/))![1];
  return { api, base: `http://127.0.0.1:${port}` };
}

function post(base: string, key: string, source: string): Promise<Response> {
  return fetch(`${base}/conversions`, { method: 'POST', headers: { 'idempotency-key': key }, body: JSON.stringify({ source }) });
}

test('api: endpoints, validation, idempotency conflicts and 503 when too many jobs are pending', async (t) => {
  const start = processGroup(t);
  const dir = tempDir(t, 'api');
  const { base } = await startApi(start, path.join(dir, 'jobs.db'), dir, ['--max-pending', '2']);
  assert.equal((await fetch(`${base}/health`)).status, 200);
  const created = (await (await post(base, 'a', 'one.qcow2')).json()) as { id: string; source: string; output: string; state: string };
  assert.equal(created.source, path.join(dir, 'one.qcow2'));
  assert.equal(created.output, path.join(dir, 'out', `${created.id}.raw`));
  assert.equal(created.state, 'pending');
  assert.equal((await post(base, 'a', 'other.qcow2')).status, 422);
  assert.equal((await post(base, 'b', '/abs/two.qcow2')).status, 201);
  const over = await post(base, 'c', 'three.qcow2');
  assert.equal(over.status, 503);
  assert.equal(over.headers.get('retry-after'), '1');
  assert.equal((await post(base, 'a', 'one.qcow2')).status, 200, 'an existing key is answered even when overloaded');
  const bad = await fetch(`${base}/conversions`, { method: 'POST', headers: { 'idempotency-key': 'd' }, body: '{nope' });
  assert.equal(bad.status, 400);
  assert.equal((await fetch(`${base}/conversions/nope`)).status, 404);
  assert.equal((await fetch(`${base}/conversions?key=zzz`)).status, 404);
  assert.equal((await fetch(`${base}/keys?state=bogus`)).status, 400);
  assert.equal(await (await fetch(`${base}/keys`)).text(), 'a\nb\n');
  assert.equal(await (await fetch(`${base}/keys?state=done`)).text(), '');
  assert.deepEqual(await (await fetch(`${base}/stats`)).json(), { pending: 2, running: 0, done: 0, failed: 0, total: 2, done_counter: 0 });
});

test('api: a client that hangs up mid-request does not take the api down', async (t) => {
  const start = processGroup(t);
  const dir = tempDir(t, 'api');
  const { base } = await startApi(start, path.join(dir, 'jobs.db'), dir);
  const port = Number(new URL(base).port);
  await new Promise<void>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write('POST /conversions HTTP/1.1\r\nHost: x\r\nIdempotency-Key: h\r\nContent-Length: 100\r\n\r\n{"sou');
      setTimeout(() => { socket.destroy(); resolve(); }, 50);
    });
  });
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await fetch(`${base}/health`)).status, 200);
  assert.equal((await post(base, 'h', 'y.qcow2')).status, 201);
});

/** POSTs, and kills the api with SIGKILL the moment the 201 arrives; returns whether the job exists after a restart. */
async function survivesKill(t: Hook, bug: string[]): Promise<boolean> {
  const start = processGroup(t);
  const dir = tempDir(t, 'api');
  const db = path.join(dir, 'jobs.db');
  const first = await startApi(start, db, dir, bug);
  assert.equal((await post(first.base, 'k1', 'x.qcow2')).status, 201);
  first.api.kill();
  await exited(first.api);
  const second = await startApi(start, db, dir);
  return (await fetch(`${second.base}/conversions?key=k1`)).status === 200;
}

test('api: an acknowledged job survives kill -9; with --bug ack-before-commit it is lost', async (t) => {
  assert.equal(await survivesKill(t, []), true);
  assert.equal(await survivesKill(t, ['--bug', 'ack-before-commit']), false);
});
