// Opens the SQLite store shared by api, workers and verify: WAL, synchronous=FULL, schema created idempotently.
// `commits` is an append-only record of every finish: who committed, under which attempt (verify reads it).
import Database from 'better-sqlite3';

export type Db = Database.Database;

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
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, created_at);
CREATE TABLE IF NOT EXISTS leases (
  job_id TEXT PRIMARY KEY REFERENCES jobs (id),
  worker TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS commits (
  job_id TEXT NOT NULL REFERENCES jobs (id),
  holder TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  current_attempt INTEGER NOT NULL,
  state TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS commits_by_job ON commits (job_id);`;

export interface OpenOptions {
  /** How long a statement waits for another process's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs: number;
  /** Refuse to create the database or its tables (verify inspects an existing one, and takes no write lock). */
  mustExist?: boolean;
  /** false only under the planted bug no-fsync: synchronous=OFF, commits are never fsynced. Default true. */
  fsync?: boolean;
}

export function openDb(path: string, options: OpenOptions): Db {
  const db = new Database(path, { fileMustExist: options.mustExist === true });
  db.pragma(`busy_timeout = ${Math.floor(options.busyTimeoutMs)}`);
  if (options.fsync === false) {
    // PLANTED BUG no-fsync: a commit returns once it is in the page cache, which survives kill -9, not power loss.
    db.pragma('synchronous = OFF'); // before journal_mode, so not even the switch to WAL syncs
  } else {
    db.pragma('synchronous = FULL'); // every commit is on disk before the call returns
  }
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // An existing store (verify) is only read: creating the schema takes the write lock, which an api paused in
  // the middle of a commit holds for as long as it is paused, while WAL readers never wait for a writer.
  if (options.mustExist !== true) db.transaction(() => db.exec(SCHEMA)).immediate();
  return db;
}

/** True for the error SQLite raises when another process holds the lock longer than busy_timeout. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}
