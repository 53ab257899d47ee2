// The list of runs: latest, lookup by id prefix, and marking runs whose crashtest died as aborted.
import type Database from 'better-sqlite3';
import { readHistory, toRunInfo, type RunInfo } from './history.js';
import { writeDerivedTables } from './tables.js';
import { readIdentity } from '../process/index.js';

/** Past runs, newest first. */
export function listRuns(db: Database.Database, limit = 20): (RunInfo & { faults: number })[] {
  const rows = db.prepare(
    `SELECT runs.*, (SELECT COUNT(*) FROM events e WHERE e.run_id = runs.id AND e.type = 'fault.injected') AS fired
     FROM runs ORDER BY started_at DESC LIMIT ?`,
  ).all(limit) as Record<string, unknown>[];
  return rows.map((row) => ({ ...toRunInfo(row), faults: Number(row.fired) }));
}

/** Resolves "latest", a full id or a unique id prefix to a run id; undefined when none matches. */
export function resolveRunId(db: Database.Database, ref: string): string | undefined {
  if (ref === 'latest') {
    return (db.prepare('SELECT id FROM runs ORDER BY started_at DESC LIMIT 1').get() as { id: string } | undefined)?.id;
  }
  const rows = db.prepare('SELECT id FROM runs WHERE id LIKE ? ORDER BY started_at DESC LIMIT 2').all(`${ref}%`) as { id: string }[];
  return rows.length === 1 ? rows[0].id : undefined;
}

/** Runs still marked running whose crashtest process is gone become `aborted`; returns their ids. */
export function markAbortedRuns(db: Database.Database): string[] {
  const running = db.prepare(`SELECT id, owner_pid, owner_start FROM runs WHERE status = 'running'`).all() as
    { id: string; owner_pid: number; owner_start: string }[];
  const dead = running.filter((run) => readIdentity(run.owner_pid)?.startTicks !== run.owner_start);
  const mark = db.prepare(`UPDATE runs SET status = 'aborted' WHERE id = ?`);
  for (const run of dead) {
    mark.run(run.id);
    writeDerivedTables(db, readHistory(db, run.id));
  }
  return dead.map((run) => run.id);
}

/** The validated scenario a run was started with, as stored (durations already in ms). */
export function readRunScenario(db: Database.Database, runId: string): unknown {
  const row = db.prepare('SELECT scenario_json FROM runs WHERE id = ?').get(runId) as { scenario_json: string } | undefined;
  return row ? JSON.parse(row.scenario_json) : undefined;
}
