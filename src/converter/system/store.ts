// The primary store, as an async interface with two implementations: SQLite (a file path, the default) and
// PostgreSQL (a postgres:// URL). Jobs are the non-volatile state; a lease row fences who may finish a job.
import type { Job, JobState, Stats } from './jobs.js';
import type { Commit, Outcome, TakeOptions } from './leases.js';

export type { Commit, Outcome, TakeOptions };

/** A `commits` row as verify reads it: current_attempt is the job's attempts count when it committed. */
export interface CommitRow { job_id: string; idempotency_key: string; holder: string; attempt: number; current_attempt: number }

/** The start of both stores' queries for CommitRows (the same SQL in SQLite and PostgreSQL). */
export const COMMITS = `SELECT c.job_id, j.idempotency_key, c.holder, c.attempt, c.current_attempt
  FROM commits c JOIN jobs j ON j.id = c.job_id`;

/**
 * One consistent reading for verify: done jobs, running jobs with no lease row, lease rows on non-running jobs,
 * stale commits (made after another take, so without the lease) and every commit of jobs committed more than once.
 */
export interface Snapshot {
  done: Job[];
  unleased: Job[];
  stray: Array<{ job_id: string; worker: string; state: string | null }>;
  stale: CommitRow[];
  repeated: CommitRow[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Inserts `job` unless its idempotency key exists; durable before it resolves. */
  insertJob(job: Job): Promise<{ job: Job; created: boolean }>;
  findByKey(key: string): Promise<Job | undefined>;
  findById(id: string): Promise<Job | undefined>;
  countInState(state: JobState): Promise<number>;
  stats(): Promise<Stats>;
  keysInState(state: JobState | null): Promise<string[]>;
  /** Lease-table path: picks the oldest takeable job, marks it running and leases it to o.holder. Null when idle. */
  takeJob(o: TakeOptions): Promise<Job | null>;
  /** Queue path: marks this job running with a lease row for o.holder, unless it is missing, done or failed. */
  claimJob(id: string, o: TakeOptions): Promise<Job | null>;
  /** Extends the lease row; false when `holder` no longer holds it. */
  refreshLease(jobId: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Atomically drops the lease, records the outcome and the commit, only if the committer still holds the lease. */
  finishJob(jobId: string, commit: Commit): Promise<boolean>;
  /** Ids of the jobs that are pending or running, oldest first (what the reconciler may queue again). */
  unfinishedIds(): Promise<string[]>;
  snapshot(): Promise<Snapshot>;
}

export interface StoreOptions {
  /** SQLite: how long a statement waits for another process's lock before failing as busy. */
  busyTimeoutMs: number;
  /** Do not create anything: verify inspects an existing store. */
  mustExist?: boolean;
  /** PostgreSQL: retry connecting (with backoff) until the server answers, instead of failing at once. */
  waitForServer?: boolean;
  /** Where to say that we are waiting for the server. */
  log?: (line: string) => void;
  /** false only under the planted bug no-fsync: commits are not made durable before they return. Default true. */
  fsync?: boolean;
}

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//.test(db);
}

/** `--db`: a postgres:// URL means PostgreSQL, anything else is a SQLite file path. Drivers load lazily. */
export async function openStore(db: string, options: StoreOptions): Promise<Store> {
  if (isPostgresUrl(db)) return (await import('./pg-store.js')).openPgStore(db, options);
  return (await import('./sqlite-store.js')).openSqliteStore(db, options);
}
