// Opens the results database for a command about a stored run: marks runs whose crashtest died as
// aborted, resolves "latest" or an id prefix, and fails with exit 2 when no run matches.
import type Database from 'better-sqlite3';
import { markAbortedRuns, openStore, resolveRunId } from '../store/index.js';
import { ScenarioError } from '../errors.js';
import { databaseExists } from './path-options.js';

/** Runs `body` with the open database and the resolved run id; the database is closed afterwards. */
export async function withStoredRun<T>(dbFile: string, ref: string, body: (db: Database.Database, runId: string) => T | Promise<T>): Promise<T> {
  if (!databaseExists('--db', dbFile)) throw new ScenarioError(`no results database at ${dbFile} (run a scenario first, or pass --db)`);
  const db = openStore(dbFile);
  try {
    markAbortedRuns(db);
    const runId = resolveRunId(db, ref);
    if (!runId) throw new ScenarioError(`no run matches "${ref}" in ${dbFile} (see: crashtest runs --db ${dbFile})`);
    return await body(db, runId);
  } finally {
    db.close();
  }
}
