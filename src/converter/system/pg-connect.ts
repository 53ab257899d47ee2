// PostgreSQL plumbing: the connection pool, transactions, and the schema created idempotently at startup
// (under an advisory lock, so several processes starting at once do not race on CREATE TABLE).
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPgDown } from './unavailable.js';

pg.types.setTypeParser(20, (v: string) => Number(v)); // BIGINT (timestamps, COUNT) as numbers, like SQLite

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

const SCHEMA_LOCK = 0x63726173; // advisory lock id ("cras"), held while creating the schema
const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  output TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  checksum TEXT,
  error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, created_at);
CREATE TABLE IF NOT EXISTS leases (
  job_id TEXT PRIMARY KEY REFERENCES jobs (id),
  worker TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS commits (
  job_id TEXT NOT NULL REFERENCES jobs (id),
  holder TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  current_attempt INTEGER NOT NULL,
  state TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS commits_by_job ON commits (job_id);`;

/** A pool of up to 4 connections; fsync=false (planted bug no-fsync) sets synchronous_commit=off on each. */
export function newPool(url: string, log: (line: string) => void, fsync = true): Pool {
  // PLANTED BUG no-fsync: a COMMIT returns before its WAL record is flushed (the server's own fsync comes later).
  const options = fsync ? undefined : '-c synchronous_commit=off';
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 3000, query_timeout: 15_000, idleTimeoutMillis: 10_000, allowExitOnIdle: true, options });
  // An idle connection dropped by a server that died: not fatal, the next query opens a new one (or fails).
  pool.on('error', (err) => log(`postgres connection lost: ${err.message}`));
  return pool;
}

/** Runs fn inside BEGIN/COMMIT on one connection; rolls back on error (and discards a broken connection). */
export async function tx<T>(pool: Pool, fn: (c: Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const c = await pool.connect();
  let failure: Error | undefined;
  try {
    await c.query(begin);
    const result = await fn(c);
    await c.query('COMMIT');
    return result;
  } catch (err) {
    failure = err as Error;
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release(failure !== undefined && isPgDown(failure) ? failure : undefined);
  }
}

export async function createSchema(pool: Pool): Promise<void> {
  await tx(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await c.query(SCHEMA);
  });
}

/** Creates the schema; with `wait`, retries with backoff (100 ms doubling to 2 s) while the server is down. */
export async function prepare(pool: Pool, url: string, wait: boolean, log: (line: string) => void): Promise<void> {
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      return await createSchema(pool);
    } catch (err) {
      if (!wait || !isPgDown(err)) throw err;
      log(`waiting for postgres at ${redact(url)}: ${(err as Error).message}; retrying in ${delay} ms`);
      await sleep(delay);
    }
  }
}

/** The URL without its password, for logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
