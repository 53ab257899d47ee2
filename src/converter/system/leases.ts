// Leases: a worker takes a job atomically with a lease, keeps it fresh, and finishes only while it still holds it.
import type { Db } from './db.js';
import type { Job } from './jobs.js';

export interface TakeOptions {
  /** Unique per take: "<worker id>/<pid>/<nonce>", so a restarted worker never mistakes an old lease for its own. */
  holder: string;
  ttlMs: number;
  maxAttempts: number;
  /** false only under the planted bug no-lease-expiry. */
  takeExpired: boolean;
}

/** The oldest job a worker may take: a running one whose worker vanished, else the oldest pending one. */
function candidate(db: Db, o: TakeOptions, now: number): Job | undefined {
  const expiredClause = o.takeExpired ? 'OR l.expires_at <= @now' : '';
  const stale = db.prepare(`SELECT j.* FROM jobs j LEFT JOIN leases l ON l.job_id = j.id
    WHERE j.state = 'running' AND (l.job_id IS NULL ${expiredClause}) ORDER BY j.created_at, j.id LIMIT 1`).get({ now });
  return (stale ?? db.prepare(`SELECT * FROM jobs WHERE state = 'pending' ORDER BY created_at, id LIMIT 1`).get()) as Job | undefined;
}

/** In one IMMEDIATE transaction: picks a takeable job, marks it running and leases it. Null when idle. */
export function takeJob(db: Db, o: TakeOptions, now = Date.now()): Job | null {
  if (!candidate(db, o, now)) return null; // cheap read first: idle workers do not take the write lock
  return db.transaction((): Job | null => {
    for (;;) {
      const job = candidate(db, o, now);
      if (!job) return null;
      const taken = leaseOrGiveUp(db, job, o, now);
      if (taken) return taken;
    }
  }).immediate();
}

/** Queue path, in one IMMEDIATE transaction: leases this job unless it is missing, done or failed. */
export function claimJob(db: Db, id: string, o: TakeOptions, now = Date.now()): Job | null {
  return db.transaction((): Job | null => {
    const job = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Job | undefined;
    if (!job || job.state === 'done' || job.state === 'failed') return null;
    return leaseOrGiveUp(db, job, o, now);
  }).immediate();
}

/** Inside a transaction: marks the job running under a lease for o.holder, or failed past o.maxAttempts (null). */
function leaseOrGiveUp(db: Db, job: Job, o: TakeOptions, now: number): Job | null {
  if (job.attempts >= o.maxAttempts) {
    const reason = `gave up after ${job.attempts} attempts: every worker that ran this job died or lost its lease`;
    db.prepare('DELETE FROM leases WHERE job_id = ?').run(job.id);
    db.prepare(`UPDATE jobs SET state = 'failed', error = ?, updated_at = ? WHERE id = ?`).run(reason, now, job.id);
    return null;
  }
  db.prepare(`UPDATE jobs SET state = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?`).run(now, job.id);
  db.prepare('INSERT OR REPLACE INTO leases (job_id, worker, expires_at) VALUES (?, ?, ?)').run(job.id, o.holder, now + o.ttlMs);
  return { ...job, state: 'running', attempts: job.attempts + 1, updated_at: now };
}

/** Extends the lease; false when this holder no longer has it (another worker took the job over). */
export function refreshLease(db: Db, jobId: string, holder: string, ttlMs: number, now = Date.now()): boolean {
  return db.prepare('UPDATE leases SET expires_at = ? WHERE job_id = ? AND worker = ?').run(now + ttlMs, jobId, holder).changes === 1;
}

export type Outcome = { state: 'done'; checksum: string } | { state: 'failed'; error: string };

/** One finish: its outcome, who commits it, and the attempt number this holder's take gave the job. */
export interface Commit {
  holder: string;
  attempt: number;
  outcome: Outcome;
  /** false only under the planted bug no-fencing: commit whether or not `holder` still holds the lease. */
  fenced: boolean;
}

/**
 * In one transaction: drops the lease, records the outcome and appends a `commits` row, only if `c.holder` still
 * holds the lease (then no take happened since its own, and the job's attempts count is still `c.attempt`).
 */
export function finishJob(db: Db, jobId: string, c: Commit, now = Date.now()): boolean {
  return db.transaction((): boolean => {
    // PLANTED BUG no-fencing (fenced false): drops whoever's lease it finds, even none, and commits anyway.
    const dropped = c.fenced
      ? db.prepare('DELETE FROM leases WHERE job_id = ? AND worker = ?').run(jobId, c.holder).changes === 1
      : (db.prepare('DELETE FROM leases WHERE job_id = ?').run(jobId), true);
    if (!dropped) return false;
    const checksum = c.outcome.state === 'done' ? c.outcome.checksum : null;
    const error = c.outcome.state === 'failed' ? c.outcome.error : null;
    db.prepare('UPDATE jobs SET state = ?, checksum = ?, error = ?, updated_at = ? WHERE id = ?').run(c.outcome.state, checksum, error, now, jobId);
    db.prepare(`INSERT INTO commits (job_id, holder, attempt, current_attempt, state, at)
      SELECT id, ?, ?, attempts, state, ? FROM jobs WHERE id = ?`).run(c.holder, c.attempt, now, jobId);
    return true;
  }).immediate();
}
