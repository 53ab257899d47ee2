// One run as recorded: the History every checker and report reads, projected from the stored events
// alone (project.ts), so a finished (or aborted) run can be re-checked later.
import type { ArmedLanding, OpRecord, ProbeSample, RunEvent, RunMs, UsageSample } from './events.js';
import { projectHistory } from './project.js';

/** Status of a run in the database. `aborted` = crashtest died before the run ended. */
export type RunStatus = 'running' | 'passed' | 'failed' | 'error' | 'aborted';

export interface RunInfo {
  id: string;
  name: string;
  scenarioPath: string;
  seed: number;
  chaos: boolean;
  status: RunStatus;
  /** wall-clock start, ISO 8601 */
  startedAt: string;
  /** planned duration of the load+chaos phase */
  durationMs: number;
  /** when kills may start (start_after), run-relative */
  chaosStartMs: RunMs;
  /** when the quiet period starts: no kill is scheduled at or after this */
  quietStartMs: RunMs;
  /** when the run ended (null while running or if aborted) */
  endMs: RunMs | null;
  exitCode: number | null;
  command: string;
}

/** One process we started: a component instance, one generation (restart) of it. */
export interface InstanceRecord {
  /** component name, e.g. "worker" */
  component: string;
  /** instance name, e.g. "worker.1" */
  instance: string;
  generation: number;
  pid: number;
  spawnedMs: RunMs;
  readyMs: RunMs | null;
  endedMs: RunMs | null;
  exitCode: number | null;
  signal: string | null;
  /** why it ended: killed by chaos, died on its own, or stopped at teardown */
  cause: 'chaos' | 'self' | 'teardown' | null;
}

/** One scheduled fault and what became of it. */
export interface FaultRecord {
  seq: number;
  scheduledMs: RunMs;
  firedMs: RunMs | null;
  instance: string;
  component: string;
  /** what the fault did: 'kill' (a signal to the whole process group), ... */
  kind: string;
  pid: number | null;
  signal: string;
  /** why it was not fired (target not running, ...), null when fired */
  skipped: string | null;
  /** when the replacement process was running again */
  restartedMs: RunMs | null;
  /** when the replacement passed its readiness check again */
  readyMs: RunMs | null;
  /** how the target was chosen (rotation, random, a trigger) */
  why: string | null;
  /** an armed kill: where it landed */
  armed: ArmedLanding | null;
  /** pause / power loss: when the group was continued or the volume mounted again */
  healedMs: RunMs | null;
  /** power loss: every instance killed with the volume */
  victims: string[];
}

/** An operation that was started and never completed (the run was interrupted while it was in flight). */
export interface InFlightOp {
  seq: number;
  key: string;
  startMs: RunMs;
}

export interface History {
  run: RunInfo;
  instances: InstanceRecord[];
  faults: FaultRecord[];
  ops: OpRecord[];
  inFlight: InFlightOp[];
  /** probe readings, by time */
  samples: ProbeSample[];
  /** CPU/RSS readings, by time */
  usage: UsageSample[];
  /** every event, by time */
  events: RunEvent[];
}

type Row = Record<string, unknown>;

/** Reads one run's events from the database and projects its History. */
export function readHistory(db: import('better-sqlite3').Database, runId: string): History {
  const runRow = db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as Row | undefined;
  if (!runRow) throw new Error(`no run ${runId} in the database`);
  return projectHistory(toRunInfo(runRow), readEvents(db, runId));
}

/** A run's events in the order they were stored. */
export function readEvents(db: import('better-sqlite3').Database, runId: string): RunEvent[] {
  const rows = db.prepare('SELECT data FROM events WHERE run_id = ? ORDER BY id').all(runId) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as RunEvent);
}

/** Converts a row of the runs table. */
export function toRunInfo(r: Row): RunInfo {
  return {
    id: String(r.id), name: String(r.name), scenarioPath: String(r.scenario_path), seed: Number(r.seed), chaos: r.chaos === 1,
    status: String(r.status) as RunStatus, startedAt: String(r.started_at), durationMs: Number(r.duration_ms),
    chaosStartMs: Number(r.chaos_start_ms), quietStartMs: Number(r.quiet_start_ms), endMs: num(r.end_ms),
    exitCode: num(r.exit_code), command: String(r.command),
  };
}

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

