// Reads the samples table: CPU % and RSS of each instance, about once a second, for reports.
import type Database from 'better-sqlite3';
import type { RunMs } from './events.js';

/** One CPU/RSS reading of one instance. */
export interface UsageSample {
  t: RunMs;
  instance: string;
  pid: number;
  /** CPU use in percent of one core (may exceed 100 for several cores) */
  cpu: number;
  /** resident set size in bytes */
  rss: number;
}

/** Every usage sample of a run, by time. */
export function readUsage(db: Database.Database, runId: string): UsageSample[] {
  const rows = db.prepare('SELECT t_ms, instance, pid, cpu, rss FROM samples WHERE run_id = ? ORDER BY t_ms, rowid').all(runId) as
    { t_ms: number; instance: string; pid: number; cpu: number; rss: number }[];
  return rows.map((r) => ({ t: Number(r.t_ms), instance: String(r.instance), pid: Number(r.pid), cpu: Number(r.cpu), rss: Number(r.rss) }));
}
