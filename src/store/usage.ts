// CPU % and RSS of each instance, about once a second, for reports: the usage.sampled events of a run.
import type Database from 'better-sqlite3';
import type { UsageSample } from './events.js';

export type { UsageSample } from './events.js';

/** Every usage reading of a run, by time. */
export function readUsage(db: Database.Database, runId: string): UsageSample[] {
  const rows = db.prepare(`SELECT data FROM events WHERE run_id = ? AND type = 'usage.sampled' ORDER BY id`).all(runId) as { data: string }[];
  return rows.flatMap((r) => (JSON.parse(r.data) as { readings: UsageSample[] }).readings).sort((a, b) => a.t - b.t);
}
