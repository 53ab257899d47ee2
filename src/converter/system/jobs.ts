// Job rows: creation (idempotent by key), lookups, and the counters the probes read.
import crypto from 'node:crypto';
import path from 'node:path';
import type { Db } from './db.js';

export type JobState = 'pending' | 'running' | 'done' | 'failed';
export const JOB_STATES: readonly JobState[] = ['pending', 'running', 'done', 'failed'];

export interface Job {
  id: string;
  idempotency_key: string;
  source: string;
  output: string;
  state: JobState;
  attempts: number;
  checksum: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
}

/** A new pending job (not yet stored); its output is <outDir>/<id>.raw. */
export function newJob(key: string, source: string, outDir: string, now = Date.now()): Job {
  const id = crypto.randomUUID();
  return {
    id, idempotency_key: key, source, output: path.join(outDir, `${id}.raw`), state: 'pending',
    attempts: 0, checksum: null, error: null, created_at: now, updated_at: now,
  };
}

/** Inserts `job` unless its key exists; returns the stored job and whether it was created by this call. */
export function insertJob(db: Db, job: Job): { job: Job; created: boolean } {
  const info = db.prepare(`INSERT INTO jobs (id, idempotency_key, source, output, state, attempts, checksum, error, created_at, updated_at)
    VALUES (@id, @idempotency_key, @source, @output, @state, @attempts, @checksum, @error, @created_at, @updated_at)
    ON CONFLICT (idempotency_key) DO NOTHING`).run(job);
  if (info.changes === 1) return { job, created: true };
  return { job: findByKey(db, job.idempotency_key) as Job, created: false };
}

export function findByKey(db: Db, key: string): Job | undefined {
  return db.prepare('SELECT * FROM jobs WHERE idempotency_key = ?').get(key) as Job | undefined;
}

export function findById(db: Db, id: string): Job | undefined {
  return db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Job | undefined;
}

export function countInState(db: Db, state: JobState): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM jobs WHERE state = ?').get(state) as { n: number }).n;
}

export interface Stats { pending: number; running: number; done: number; failed: number; total: number; done_counter: number }

/** done_counter is the number of done jobs: done is final, so it only ever grows (a progress probe reads it). */
export function stats(db: Db): Stats {
  return statsFromCounts(db.prepare('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state').all() as Array<{ state: JobState; n: number }>);
}

/** Stats from per-state counts (rows of SELECT state, COUNT(*) ... GROUP BY state), for either store. */
export function statsFromCounts(rows: ReadonlyArray<{ state: JobState; n: number }>): Stats {
  const s: Stats = { pending: 0, running: 0, done: 0, failed: 0, total: 0, done_counter: 0 };
  for (const r of rows) {
    s[r.state] = r.n;
    s.total += r.n;
  }
  s.done_counter = s.done;
  return s;
}

export function keysInState(db: Db, state: JobState | null): string[] {
  const rows = state === null
    ? db.prepare('SELECT idempotency_key AS k FROM jobs ORDER BY created_at').all()
    : db.prepare('SELECT idempotency_key AS k FROM jobs WHERE state = ? ORDER BY created_at').all(state);
  return (rows as Array<{ k: string }>).map((r) => r.k);
}
