// Job rows in PostgreSQL: the same queries as jobs.ts (idempotent creation by key, lookups, counters).
import type { Pool } from './pg-connect.js';
import { statsFromCounts, type Job, type JobState, type Stats } from './jobs.js';

const COLUMNS = ['id', 'idempotency_key', 'source', 'output', 'state', 'attempts', 'checksum', 'error', 'created_at', 'updated_at'] as const;

/** A committed insert is durable before this resolves (synchronous_commit is on by default). */
export async function insertJob(pool: Pool, job: Job): Promise<{ job: Job; created: boolean }> {
  const params = COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const r = await pool.query(`INSERT INTO jobs (${COLUMNS.join(', ')}) VALUES (${params})
    ON CONFLICT (idempotency_key) DO NOTHING`, COLUMNS.map((c) => job[c]));
  if (r.rowCount === 1) return { job, created: true };
  const existing = await findByKey(pool, job.idempotency_key);
  if (!existing) throw new Error(`job with key "${job.idempotency_key}" conflicted on insert but cannot be read back`);
  return { job: existing, created: false };
}

export async function findByKey(pool: Pool, key: string): Promise<Job | undefined> {
  return (await pool.query<Job>('SELECT * FROM jobs WHERE idempotency_key = $1', [key])).rows[0];
}

export async function findById(pool: Pool, id: string): Promise<Job | undefined> {
  return (await pool.query<Job>('SELECT * FROM jobs WHERE id = $1', [id])).rows[0];
}

export async function countInState(pool: Pool, state: JobState): Promise<number> {
  return (await pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM jobs WHERE state = $1', [state])).rows[0].n;
}

export async function stats(pool: Pool): Promise<Stats> {
  return statsFromCounts((await pool.query<{ state: JobState; n: number }>('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state')).rows);
}

export async function keysInState(pool: Pool, state: JobState | null): Promise<string[]> {
  const r = state === null
    ? await pool.query<{ k: string }>('SELECT idempotency_key AS k FROM jobs ORDER BY created_at')
    : await pool.query<{ k: string }>('SELECT idempotency_key AS k FROM jobs WHERE state = $1 ORDER BY created_at', [state]);
  return r.rows.map((row) => row.k);
}

export async function unfinishedIds(pool: Pool): Promise<string[]> {
  const r = await pool.query<{ id: string }>(`SELECT id FROM jobs WHERE state IN ('pending', 'running') ORDER BY created_at, id`);
  return r.rows.map((row) => row.id);
}
