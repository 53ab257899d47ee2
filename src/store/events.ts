// The event vocabulary: everything that happens in a run, appended to SQLite as it happens.
// The events are the history: instances, faults, operations and verdicts are all derived from them.

/** Milliseconds since the run started (monotonic clock). */
export type RunMs = number;

export type ExitCause = 'chaos' | 'self' | 'teardown';

export type RunEvent =
  | { type: 'run.started'; t: RunMs; runId: string; seed: number; chaos: boolean }
  /** every component is ready: kills may start at chaosStartMs, the quiet period starts at quietStartMs */
  | { type: 'run.window'; t: RunMs; chaosStartMs: RunMs; quietStartMs: RunMs }
  | { type: 'run.finished'; t: RunMs; status: 'passed' | 'failed' | 'error' | 'aborted'; exitCode: number }
  /** the fault schedule, before chaos starts, so "scheduled vs fired" can be compared */
  | { type: 'chaos.planned'; t: RunMs; faults: PlannedFaultRecord[] }
  | { type: 'component.spawned'; t: RunMs; instance: string; pid: number; generation: number; component?: string }
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
      /** an exit of its own: the last non-blank lines this generation printed (at most 10), the evidence of why */
      tail?: string[];
    }
  | { type: 'component.restarting'; t: RunMs; instance: string; delayMs: number; reason: string }
  | {
      type: 'fault.injected';
      t: RunMs;
      seq: number;
      instance: string;
      pid: number;
      signal: string;
      scheduledMs: RunMs;
      /** kill (default), pause or power-loss */
      kind?: string;
      /** an armed kill: where it landed, or why it fell back to a plain kill */
      armed?: ArmedLanding;
      /** a power loss: every instance killed with the volume */
      victims?: string[];
      /** a fault fired by a trigger rather than the schedule: which one */
      trigger?: string;
    }
  /** a paused group was continued, or a volume that lost power was mounted again */
  | { type: 'fault.healed'; t: RunMs; seq: number; instance: string; detail: string }
  | { type: 'fault.skipped'; t: RunMs; seq: number; instance: string; reason: string; scheduledMs: RunMs }
  | { type: 'chaos.stopped'; t: RunMs; reason: string }
  | { type: 'op.invoked'; t: RunMs; seq: number; key: string }
  | { type: 'op.completed'; t: RunMs; op: OpRecord }
  | { type: 'probe.sampled'; t: RunMs; sample: ProbeSample }
  | { type: 'usage.sampled'; t: RunMs; readings: UsageSample[] }
  /** a process an instance started had left its process group (setsid, a double fork): found by its mark and killed */
  | { type: 'process.escaped'; t: RunMs; instance: string; generation: number; pid: number; command: string }
  | { type: 'run.phase'; t: RunMs; phase: RunPhase }
  | { type: 'run.note'; t: RunMs; level: 'info' | 'warn'; message: string }
  /** this run is one step of a search (explore: the recording or a kill point; shrink: a candidate fault list) started from `parent` */
  | { type: 'run.lineage'; t: RunMs; purpose: 'explore' | 'shrink'; parent?: string; step: string };

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

/** One fault as planned: when, what, how. */
export interface PlannedFaultRecord {
  seq: number;
  atMs: RunMs;
  instance: string;
  component: string;
  /** kill (`signal` to the whole process group), pause or power-loss */
  kind: string;
  signal: string;
  /** kill or pause: now, or armed for a persistence syscall */
  at?: 'now' | 'persistence';
  /** armed: lands on the nth call of one of the syscalls */
  nth?: number;
  /** pause: how long */
  durationMs?: number;
  /** how the target was chosen */
  why?: string;
  /** a kill at a point: the k-th call at it, by any instance of the component */
  point?: { syscall: string; path: string; occurrence: number };
}

/** Where an armed kill landed: the syscall it interrupted, or why it fell back to a plain kill. */
export interface ArmedLanding {
  armedMs: RunMs;
  /** it was to land on the nth call of one of the syscalls */
  nth?: number;
  syscall: string | null;
  path: string | null;
  tid: number | null;
  /** null when it landed on a persistence syscall */
  fellBack: string | null;
  /** a kill at a point (crashtest explore, --faults): the point, e.g. "rename data/*.tmp -> data/*" */
  point?: string;
  /** the call had already run when the kill landed, just after it */
  late?: boolean;
}

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
