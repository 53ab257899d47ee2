// One run as recorded: the History every checker and report reads.
// Built from the SQLite database alone, so a finished (or aborted) run can be re-checked later.
import type { OpRecord, ProbeSample, RunEvent, RunMs } from './events.js';

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
  pid: number | null;
  signal: string;
  /** why it was not fired (target not running, ...), null when fired */
  skipped: string | null;
  /** when the replacement process was running again */
  restartedMs: RunMs | null;
  /** when the replacement passed its readiness check again */
  readyMs: RunMs | null;
}

export interface History {
  run: RunInfo;
  instances: InstanceRecord[];
  faults: FaultRecord[];
  ops: OpRecord[];
  samples: ProbeSample[];
  events: RunEvent[];
}

type Row = Record<string, unknown>;

/** Reads one run's complete history from the database. */
export function readHistory(db: import('better-sqlite3').Database, runId: string): History {
  const runRow = db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as Row | undefined;
  if (!runRow) throw new Error(`no run ${runId} in the database`);
  const all = (sql: string) => db.prepare(sql).all(runId) as Row[];
  return {
    run: toRunInfo(runRow),
    instances: all('SELECT * FROM instances WHERE run_id = ? ORDER BY id').map((r) => ({
      component: String(r.component), instance: String(r.instance), generation: Number(r.generation), pid: Number(r.pid),
      spawnedMs: Number(r.spawned_ms), readyMs: num(r.ready_ms), endedMs: num(r.ended_ms), exitCode: num(r.exit_code),
      signal: str(r.signal), cause: str(r.cause) as InstanceRecord['cause'],
    })),
    faults: all('SELECT * FROM faults WHERE run_id = ? ORDER BY seq').map((r) => ({
      seq: Number(r.seq), scheduledMs: Number(r.scheduled_ms), firedMs: num(r.fired_ms), instance: String(r.instance),
      component: String(r.component), pid: num(r.pid), signal: String(r.signal), skipped: str(r.skipped),
      restartedMs: num(r.restarted_ms), readyMs: num(r.ready_ms),
    })),
    ops: all('SELECT * FROM ops WHERE run_id = ? ORDER BY seq').map((r) => ({
      seq: Number(r.seq), key: String(r.key), startMs: Number(r.start_ms), endMs: Number(r.end_ms),
      outcome: String(r.outcome) as OpRecord['outcome'], attempts: JSON.parse(String(r.attempts)),
      ...(r.ack_ms !== null ? { ackMs: Number(r.ack_ms) } : {}), ...(r.detail !== null ? { detail: String(r.detail) } : {}),
    })),
    samples: all('SELECT * FROM probe_samples WHERE run_id = ? ORDER BY t_ms, rowid').map((r) => ({
      probe: String(r.probe), t: Number(r.t_ms), final: r.final === 1,
      ...(r.value !== null ? { value: Number(r.value) } : {}), ...(r.items !== null ? { items: JSON.parse(String(r.items)) } : {}),
      ...(r.error !== null ? { error: String(r.error) } : {}),
    })),
    events: all('SELECT data FROM events WHERE run_id = ? ORDER BY id').map((r) => JSON.parse(String(r.data)) as RunEvent),
  };
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

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
