// The SQLite store: the original synchronous functions (db.ts, jobs.ts, leases.ts) behind the async Store interface.
import { openDb, type Db } from './db.js';
import * as jobs from './jobs.js';
import * as leases from './leases.js';
import type { Job } from './jobs.js';
import { COMMITS, type CommitRow, type Snapshot, type Store, type StoreOptions } from './store.js';

export function openSqliteStore(path: string, options: StoreOptions): Store {
  const db = openDb(path, { busyTimeoutMs: options.busyTimeoutMs, mustExist: options.mustExist, fsync: options.fsync });
  return {
    kind: 'sqlite',
    insertJob: async (job) => jobs.insertJob(db, job),
    findByKey: async (key) => jobs.findByKey(db, key),
    findById: async (id) => jobs.findById(db, id),
    countInState: async (state) => jobs.countInState(db, state),
    stats: async () => jobs.stats(db),
    keysInState: async (state) => jobs.keysInState(db, state),
    takeJob: async (o) => leases.takeJob(db, o),
    claimJob: async (id, o) => leases.claimJob(db, id, o),
    refreshLease: async (jobId, holder, ttlMs) => leases.refreshLease(db, jobId, holder, ttlMs),
    finishJob: async (jobId, commit) => leases.finishJob(db, jobId, commit),
    unfinishedIds: async () => (db.prepare(`SELECT id FROM jobs WHERE state IN ('pending', 'running') ORDER BY created_at, id`)
      .all() as Array<{ id: string }>).map((r) => r.id),
    snapshot: async () => snapshot(db),
  };
}

function snapshot(db: Db): Snapshot {
  return db.transaction(() => ({
    done: db.prepare(`SELECT * FROM jobs WHERE state = 'done' ORDER BY created_at`).all() as Job[],
    unleased: db.prepare(`SELECT j.* FROM jobs j LEFT JOIN leases l ON l.job_id = j.id
      WHERE j.state = 'running' AND l.job_id IS NULL ORDER BY j.created_at`).all() as Job[],
    stray: db.prepare(`SELECT l.job_id, l.worker, j.state FROM leases l LEFT JOIN jobs j ON j.id = l.job_id
      WHERE j.state IS NULL OR j.state != 'running'`).all() as Snapshot['stray'],
    stale: db.prepare(`${COMMITS} WHERE c.attempt != c.current_attempt ORDER BY c.at`).all() as CommitRow[],
    repeated: db.prepare(`${COMMITS} WHERE c.job_id IN (SELECT job_id FROM commits GROUP BY job_id HAVING COUNT(*) > 1)
      ORDER BY c.job_id, c.at`).all() as CommitRow[],
  }))();
}
