// Leases in PostgreSQL, with the same guarantees as leases.ts. Every transaction locks the job row first, then
// the lease row, so a take and a finish on one job serialize (and never deadlock).
import { tx, type Client, type Pool } from './pg-connect.js';
import type { Job } from './jobs.js';
import type { Commit, TakeOptions } from './leases.js';
import { COMMITS, type CommitRow, type Snapshot } from './store.js';

const TAKE_LOCK = 0x74616b65; // advisory lock id ("take"): takers of the lease-table path go one at a time

export async function takeJob(pool: Pool, o: TakeOptions, now = Date.now()): Promise<Job | null> {
  const expired = o.takeExpired ? 'OR l.expires_at <= $1' : '';
  return tx(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [TAKE_LOCK]);
    for (;;) {
      const stale = await c.query<Job>(`SELECT j.* FROM jobs j LEFT JOIN leases l ON l.job_id = j.id
        WHERE j.state = 'running' AND (l.job_id IS NULL ${expired}) ORDER BY j.created_at, j.id LIMIT 1`, o.takeExpired ? [now] : []);
      const job = stale.rows[0] ?? (await c.query<Job>(`SELECT * FROM jobs WHERE state = 'pending' ORDER BY created_at, id LIMIT 1`)).rows[0];
      if (!job) return null;
      const taken = await leaseOrGiveUp(c, job.id, o, now);
      if (taken) return taken;
    }
  });
}

export async function claimJob(pool: Pool, id: string, o: TakeOptions, now = Date.now()): Promise<Job | null> {
  return tx(pool, (c) => leaseOrGiveUp(c, id, o, now));
}

/** Locks the job row; leases it to o.holder, or fails it past o.maxAttempts. Null if missing, done or failed. */
async function leaseOrGiveUp(c: Client, id: string, o: TakeOptions, now: number): Promise<Job | null> {
  const job = (await c.query<Job>('SELECT * FROM jobs WHERE id = $1 FOR UPDATE', [id])).rows[0];
  if (!job || job.state === 'done' || job.state === 'failed') return null;
  if (job.attempts >= o.maxAttempts) {
    const reason = `gave up after ${job.attempts} attempts: every worker that ran this job died or lost its lease`;
    await c.query('DELETE FROM leases WHERE job_id = $1', [id]);
    await c.query(`UPDATE jobs SET state = 'failed', error = $1, updated_at = $2 WHERE id = $3`, [reason, now, id]);
    return null;
  }
  await c.query(`UPDATE jobs SET state = 'running', attempts = attempts + 1, updated_at = $1 WHERE id = $2`, [now, id]);
  await c.query(`INSERT INTO leases (job_id, worker, expires_at) VALUES ($1, $2, $3)
    ON CONFLICT (job_id) DO UPDATE SET worker = EXCLUDED.worker, expires_at = EXCLUDED.expires_at`, [id, o.holder, now + o.ttlMs]);
  return { ...job, state: 'running', attempts: job.attempts + 1, updated_at: now };
}

export async function refreshLease(pool: Pool, jobId: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const r = await pool.query('UPDATE leases SET expires_at = $1 WHERE job_id = $2 AND worker = $3', [now + ttlMs, jobId, holder]);
  return r.rowCount === 1;
}

/** Drops the lease, records the outcome and the commit in one transaction, only if the committer still holds the lease. */
export async function finishJob(pool: Pool, jobId: string, commit: Commit, now = Date.now()): Promise<boolean> {
  return tx(pool, async (c) => {
    await c.query('SELECT id FROM jobs WHERE id = $1 FOR UPDATE', [jobId]);
    // PLANTED BUG no-fencing (fenced false): drops whoever's lease it finds, even none, and commits anyway.
    const dropped = commit.fenced
      ? await c.query('DELETE FROM leases WHERE job_id = $1 AND worker = $2', [jobId, commit.holder])
      : (await c.query('DELETE FROM leases WHERE job_id = $1', [jobId]), { rowCount: 1 });
    if (dropped.rowCount !== 1) return false;
    const { outcome } = commit;
    const checksum = outcome.state === 'done' ? outcome.checksum : null;
    const error = outcome.state === 'failed' ? outcome.error : null;
    await c.query('UPDATE jobs SET state = $1, checksum = $2, error = $3, updated_at = $4 WHERE id = $5', [outcome.state, checksum, error, now, jobId]);
    await c.query(`INSERT INTO commits (job_id, holder, attempt, current_attempt, state, at)
      SELECT id, $1, $2, attempts, state, $3 FROM jobs WHERE id = $4`, [commit.holder, commit.attempt, now, jobId]);
    return true;
  });
}

/** One consistent reading (REPEATABLE READ) for verify. */
export async function snapshot(pool: Pool): Promise<Snapshot> {
  return tx(pool, async (c) => ({
    done: (await c.query<Job>(`SELECT * FROM jobs WHERE state = 'done' ORDER BY created_at`)).rows,
    unleased: (await c.query<Job>(`SELECT j.* FROM jobs j LEFT JOIN leases l ON l.job_id = j.id
      WHERE j.state = 'running' AND l.job_id IS NULL ORDER BY j.created_at`)).rows,
    stray: (await c.query<Snapshot['stray'][number]>(`SELECT l.job_id, l.worker, j.state FROM leases l LEFT JOIN jobs j ON j.id = l.job_id
      WHERE j.state IS NULL OR j.state != 'running'`)).rows,
    stale: (await c.query<CommitRow>(`${COMMITS} WHERE c.attempt != c.current_attempt ORDER BY c.at`)).rows,
    repeated: (await c.query<CommitRow>(`${COMMITS} WHERE c.job_id IN (SELECT job_id FROM commits GROUP BY job_id HAVING COUNT(*) > 1)
      ORDER BY c.job_id, c.at`)).rows,
  }), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}
