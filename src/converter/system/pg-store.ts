// The PostgreSQL store: pool + schema at startup, then the queries of pg-jobs.ts and pg-leases.ts as a Store.
import { newPool, prepare } from './pg-connect.js';
import * as jobs from './pg-jobs.js';
import * as leases from './pg-leases.js';
import type { Store, StoreOptions } from './store.js';

export async function openPgStore(url: string, options: StoreOptions): Promise<Store> {
  const log = options.log ?? ((line: string) => console.error(line));
  const pool = newPool(url, log, options.fsync !== false);
  if (options.mustExist) await pool.query('SELECT 1 FROM jobs LIMIT 1'); // fails clearly when there is no jobs table
  else await prepare(pool, url, options.waitForServer === true, log);
  return {
    kind: 'postgres',
    insertJob: (job) => jobs.insertJob(pool, job),
    findByKey: (key) => jobs.findByKey(pool, key),
    findById: (id) => jobs.findById(pool, id),
    countInState: (state) => jobs.countInState(pool, state),
    stats: () => jobs.stats(pool),
    keysInState: (state) => jobs.keysInState(pool, state),
    takeJob: (o) => leases.takeJob(pool, o),
    claimJob: (id, o) => leases.claimJob(pool, id, o),
    refreshLease: (jobId, holder, ttlMs) => leases.refreshLease(pool, jobId, holder, ttlMs),
    finishJob: (jobId, commit) => leases.finishJob(pool, jobId, commit),
    unfinishedIds: () => jobs.unfinishedIds(pool),
    snapshot: () => leases.snapshot(pool),
  };
}
