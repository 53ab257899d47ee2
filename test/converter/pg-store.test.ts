// The PostgreSQL store against a real server: schema creation is safe when processes start at once, one
// idempotency key is one job, only the lease holder can record done, and a dead server reads as "unavailable".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPgStore } from '../../src/converter/system/pg-store.js';
import { newJob } from '../../src/converter/system/jobs.js';
import { isUnavailable } from '../../src/converter/system/unavailable.js';
import type { Commit, Outcome, Store, TakeOptions } from '../../src/converter/system/store.js';
import { startPostgres } from './servers.js';

const quiet = { busyTimeoutMs: 1000, log: () => undefined };
const lease = (holder: string, maxAttempts = 20): TakeOptions => ({ holder, ttlMs: 5000, maxAttempts, takeExpired: true });
const fenced = (holder: string, attempt: number, outcome: Outcome): Commit => ({ holder, attempt, outcome, fenced: true });

test('postgres store: concurrent startup, idempotent insert, lease-fenced finish, unavailable when down', async (t) => {
  const server = await startPostgres(t);
  const stores = await Promise.all([1, 2, 3, 4].map(() => openPgStore(server.url, quiet))); // 4 processes' worth of CREATE
  const store = stores[0];
  await sameKeySameJob(stores);
  await onlyTheHolderFinishes(store);
  await tableLeasePath(store);
  const snapshot = await store.snapshot();
  assert.deepEqual({ unleased: snapshot.unleased, stray: snapshot.stray, stale: snapshot.stale, repeated: snapshot.repeated },
    { unleased: [], stray: [], stale: [], repeated: [] });
  await unfencedCommitIsRecorded(store);
  assert.deepEqual(await openPgStore(server.url, { ...quiet, mustExist: true }).then((s) => s.kind), 'postgres');
  await server.kill();
  await assert.rejects(store.stats(), (err) => isUnavailable(err), 'a query on a dead server is "unavailable" (503), not a crash');
});

async function sameKeySameJob(stores: Store[]): Promise<void> {
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => stores[i % stores.length].insertJob(newJob('k-same', '/src/a.qcow2', '/out'))));
  assert.equal(results.filter((r) => r.created).length, 1, 'exactly one insert creates the job');
  assert.equal(new Set(results.map((r) => r.job.id)).size, 1, 'every caller gets the same job');
  const stored = await stores[0].findByKey('k-same');
  assert.equal(stored?.id, results[0].job.id);
  assert.equal(typeof stored?.created_at, 'number');
  assert.deepEqual(await stores[1].stats(), { pending: 1, running: 0, done: 0, failed: 0, total: 1, done_counter: 0 });
}

async function onlyTheHolderFinishes(store: Store): Promise<void> {
  const id = (await store.findByKey('k-same'))!.id;
  assert.equal((await store.claimJob(id, lease('A')))?.attempts, 1);
  assert.equal((await store.claimJob(id, lease('B')))?.attempts, 2, 'B takes the job over (A is presumed dead)');
  assert.equal(await store.finishJob(id, fenced('A', 1, { state: 'done', checksum: 'from-A' })), false, 'A lost its lease: it cannot record done');
  assert.equal(await store.refreshLease(id, 'A', 5000), false);
  assert.equal(await store.refreshLease(id, 'B', 5000), true);
  assert.equal(await store.finishJob(id, fenced('B', 2, { state: 'done', checksum: 'from-B' })), true);
  const done = await store.findById(id);
  assert.deepEqual([done?.state, done?.checksum], ['done', 'from-B']);
  assert.equal(await store.claimJob(id, lease('C')), null, 'a done job is never taken again');
  assert.equal(await store.finishJob(id, fenced('B', 2, { state: 'failed', error: 'late' })), false, 'done is final');
  assert.deepEqual(await store.keysInState('done'), ['k-same']);
}

/** Planted bug no-fencing: a stale holder's commit goes through, and the snapshot shows it was stale. */
async function unfencedCommitIsRecorded(store: Store): Promise<void> {
  const { job } = await store.insertJob(newJob('k-stale', '/src/d.qcow2', '/out'));
  await store.claimJob(job.id, lease('P'));
  await store.claimJob(job.id, lease('Q'));
  assert.equal(await store.finishJob(job.id, { ...fenced('P', 1, { state: 'done', checksum: 'from-P' }), fenced: false }), true);
  assert.equal(await store.finishJob(job.id, fenced('Q', 2, { state: 'done', checksum: 'from-Q' })), false, 'P dropped Q\'s lease');
  const { stale } = await store.snapshot();
  assert.deepEqual(stale, [{ job_id: job.id, idempotency_key: 'k-stale', holder: 'P', attempt: 1, current_attempt: 2 }]);
}

async function tableLeasePath(store: Store): Promise<void> {
  const { job } = await store.insertJob(newJob('k-table', '/src/b.qcow2', '/out'));
  assert.deepEqual(await store.unfinishedIds(), [job.id]);
  const taken = await store.takeJob(lease('T'));
  assert.deepEqual([taken?.id, taken?.state], [job.id, 'running']);
  assert.equal(await store.takeJob(lease('U')), null, 'a leased job is not taken while its lease lives');
  const { job: doomed } = await store.insertJob(newJob('k-doomed', '/src/c.qcow2', '/out'));
  assert.equal(await store.claimJob(doomed.id, lease('V', 0)), null, 'past max attempts the job fails');
  assert.match((await store.findById(doomed.id))?.error ?? '', /^gave up after 0 attempts/);
  assert.equal(await store.finishJob(job.id, fenced('T', 1, { state: 'failed', error: 'image refused: test' })), true);
  assert.equal(await store.countInState('failed'), 2);
}
