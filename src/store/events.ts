// The event vocabulary: everything that happens in a run, as recorded in SQLite.
// Every other part writes these and every output (terminal, reports, checks) is a function of them.

/** Milliseconds since the run started (monotonic clock). */
export type RunMs = number;

export type ExitCause = 'chaos' | 'self' | 'teardown';

export type RunEvent =
  | { type: 'run.started'; t: RunMs; runId: string; seed: number; chaos: boolean }
  | { type: 'component.spawned'; t: RunMs; instance: string; pid: number; generation: number }
  | { type: 'component.ready'; t: RunMs; instance: string; pid: number; afterMs: number }
  | { type: 'component.unready'; t: RunMs; instance: string; pid: number; reason: string }
  | {
      type: 'component.exited';
      t: RunMs;
      instance: string;
      pid: number;
      code: number | null;
      signal: string | null;
      cause: ExitCause;
      uptimeMs: number;
    }
  | { type: 'component.restarting'; t: RunMs; instance: string; delayMs: number; reason: string }
  | { type: 'fault.injected'; t: RunMs; seq: number; instance: string; pid: number; signal: string; scheduledMs: RunMs }
  | { type: 'fault.skipped'; t: RunMs; seq: number; instance: string; reason: string; scheduledMs: RunMs }
  | { type: 'chaos.stopped'; t: RunMs; reason: string }
  | { type: 'op.completed'; t: RunMs; op: OpRecord }
  | { type: 'probe.sampled'; t: RunMs; sample: ProbeSample }
  | { type: 'run.phase'; t: RunMs; phase: RunPhase }
  | { type: 'run.note'; t: RunMs; level: 'info' | 'warn'; message: string };

export type RunPhase = 'starting' | 'chaos' | 'quiet' | 'converging' | 'stopping' | 'checking' | 'done';

/** The final outcome of one workload operation. */
export type OpOutcome = 'acked' | 'gave_up' | 'rejected';

/** One attempt of an operation: when, how it ended, how long it took. */
export interface OpAttempt {
  t: RunMs;
  outcome: string;
  latencyMs: number;
}

/** One workload operation (a request with a deadline and an idempotency key) and its attempts. */
export interface OpRecord {
  seq: number;
  key: string;
  startMs: RunMs;
  endMs: RunMs;
  outcome: OpOutcome;
  attempts: OpAttempt[];
  /** when the system acknowledged it (only for outcome 'acked') */
  ackMs?: RunMs;
  detail?: string;
}

/** One reading of a probe: a number, a list of lines/keys/rows, or the error it hit. */
export interface ProbeSample {
  probe: string;
  t: RunMs;
  final: boolean;
  value?: number;
  items?: string[];
  error?: string;
}
