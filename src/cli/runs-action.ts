// What `crashtest runs` does, loaded only when it runs: read the results database and print a table.
import { listRuns, markAbortedRuns, openStore, openStoreForReading } from '../store/index.js';
import { formatDuration } from '../common/index.js';
import { databaseExists } from './path-options.js';

/** Prints the newest `limit` runs of the database `db`. */
export function runs(opts: { db: string; limit: number }): void {
  const runs = databaseExists('--db', opts.db) ? readRuns(opts.db, opts.limit) : [];
  if (runs.length === 0) {
    process.stdout.write(`no runs yet in ${opts.db} (start one with: crashtest run <scenario.yml>)\n`);
    return;
  }
  const rows = runs.map((r) => [r.id, r.status, r.name, r.endMs === null ? '-' : formatDuration(r.endMs), String(r.faults), String(r.seed)]);
  const header = ['RUN', 'STATUS', 'SCENARIO', 'DURATION', 'KILLS', 'SEED'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()}\n`);
}

// Marks runs whose crashtest died as aborted when the database takes writes, then lists read-only:
// on a full disk the list still shows, with a note that dead runs still read "running".
function readRuns(file: string, limit: number): ReturnType<typeof listRuns> {
  try {
    const db = openStore(file);
    try {
      markAbortedRuns(db);
    } finally {
      db.close();
    }
  } catch (error) {
    process.stderr.write(`note: runs whose crashtest died are not marked aborted (${(error as Error).message})\n`);
  }
  const db = openStoreForReading(file);
  try {
    return listRuns(db, limit);
  } finally {
    db.close();
  }
}
