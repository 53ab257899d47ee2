// The queue in a real Redis, jobs in a real PostgreSQL: a Redis restart empties the queue, the api answers 503
// while Redis is down, and the reconciler rebuilds the queue from the store so every job is done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { tempDir, cliOk } from './helpers.js';
import { processGroup } from './procs.js';
import { startPostgres, startRedis } from './servers.js';

type Stats = { pending: number; running: number; done: number; failed: number; total: number };

function post(base: string, key: string): Promise<Response> {
  return fetch(`${base}/conversions`, { method: 'POST', headers: { 'idempotency-key': key }, body: JSON.stringify({ source: 'disk.qcow2' }) });
}

/** Like a client: retries while the api answers 503 (its Redis connection may not be up yet). */
async function postUntilAccepted(base: string, key: string): Promise<Response> {
  for (let end = Date.now() + 10_000; ; await sleep(50)) {
    const res = await post(base, key);
    if (res.status !== 503 || Date.now() > end) return res;
  }
}

async function stats(base: string): Promise<Stats> {
  return (await (await fetch(`${base}/stats`)).json()) as Stats;
}

async function queued(url: string): Promise<string[]> {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await r.lrange('crashtest:queue', 0, -1);
  } finally {
    r.disconnect();
  }
}

test('after a Redis restart the reconciler rebuilds the queue from PostgreSQL and the jobs get done', async (t) => {
  const start = processGroup(t);
  const dir = tempDir(t, 'conv-queue');
  const [db, redis] = [await startPostgres(t), await startRedis(t)];
  cliOk(['make-image', '--out', path.join(dir, 'disk.qcow2'), '--size', '4M', '--seed', '7']);
  const api = start('api', ['api', '--db', db.url, '--redis', redis.url, '--port', '0', '--data', dir]);
  const base = `http://127.0.0.1:${/:(\d+)$/.exec(await api.waitForLine(/^listening on /))![1]}`;
  const firstAnswer = await post(base, 'k-1');
  const first = (await (firstAnswer.status === 503 ? await postUntilAccepted(base, 'k-1') : firstAnswer).json()) as { id: string };
  // A 503 first (the api's Redis connection not up yet: the push failed after the durable insert) leaves the id
  // for the reconciler to queue; otherwise the api queued it itself.
  if (firstAnswer.status !== 503) assert.deepEqual(await queued(redis.url), [first.id], 'the api queues the id after the durable insert');

  await redis.kill();
  const refused = await post(base, 'k-2');
  assert.equal(refused.status, 503, 'Redis down: 503, the client retries');
  assert.equal(refused.headers.get('retry-after'), '1');
  const again = await startRedis(t, redis.port); // same port, empty: the queue is gone
  assert.deepEqual(await queued(again.url), []);
  assert.equal((await postUntilAccepted(base, 'k-2')).status, 200, 'the retry finds the durably stored job');

  const worker = start('w1', ['worker', '--db', db.url, '--redis', redis.url, '--data', dir, '--id', 'w1', '--lease-ttl', '1s', '--poll', '20ms']);
  await worker.waitForLine(/ready/);
  await sleep(800);
  assert.equal((await stats(base)).pending, 2, 'with the queue lost, no worker finds the jobs');

  const reconciler = start('rec', ['reconciler', '--db', db.url, '--redis', redis.url, '--every', '200ms']);
  await reconciler.waitForLine(/redis has no epoch: it started empty/);
  await reconciler.waitForLine(/queued 2 of 2 unfinished jobs again/);
  for (let end = Date.now() + 20_000; (await stats(base)).done < 2; await sleep(50)) {
    if (Date.now() > end) throw new Error(`jobs not done: ${JSON.stringify(await stats(base))}\n${worker.lines.join('\n')}`);
  }
  assert.deepEqual(await stats(base), { pending: 0, running: 0, done: 2, failed: 0, total: 2, done_counter: 2 });
  assert.equal(cliOk(['verify', '--db', db.url, '--data', dir]), '');
});
