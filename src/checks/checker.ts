// The checker contract (after Jepsen's checker.clj): a pure function of the History → Verdict.
// Also the shared helpers: validity merging, crash-safety, composition, probe-sample access.
import type { ProbeSample, RunMs } from '../store/index.js';
import type { FaultRecord, History } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { CrashEvidence, FaultRef } from './evidence.js';

/** The invariant kinds crashtest knows how to judge. */
export type InvariantKind = 'progress' | 'no_loss' | 'consistency' | 'converge' | 'recovery' | 'wake_up';

/** true = held, false = violated, 'unknown' = the history cannot tell (never a pass). */
export type Validity = true | false | 'unknown';

/** One checker's judgement: validity, a one-line summary for the terminal, typed evidence. */
export interface Verdict<E = unknown> {
  name: string;
  kind: InvariantKind;
  valid: Validity;
  summary: string;
  evidence: E;
}

/** A checker: a pure function of the recorded history and its options. */
export type Checker<Opts, E = unknown> = (history: History, opts: Opts) => Verdict<E>;

/** A checker bound to its options, under the invariant's name, ready for compose. */
export interface NamedCheck {
  name: string;
  kind: InvariantKind;
  check: (history: History) => Verdict;
}

/** What compose returns: every verdict, in order, and their merged validity. */
export interface Composed {
  valid: Validity;
  verdicts: Verdict[];
}

// Merges validities: any false → false, else any 'unknown' → 'unknown', else true (empty → true).
export function mergeValid(values: readonly Validity[]): Validity {
  if (values.includes(false)) return false;
  if (values.includes('unknown')) return 'unknown';
  return true;
}

// Wraps a checker so a thrown error becomes valid:'unknown' with the message (a crash is never a pass).
export function checkSafe<Opts, E>(kind: InvariantKind, checker: Checker<Opts, E>): Checker<Opts, E | CrashEvidence> {
  return (history, opts) => {
    try {
      return checker(history, opts);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      return { name: kind, kind, valid: 'unknown', summary: `checker crashed: ${error}`, evidence: { error } };
    }
  };
}

// Binds a checker to its options under a name, for compose.
export function named<Opts, E>(name: string, kind: InvariantKind, checker: Checker<Opts, E>, opts: Opts): NamedCheck {
  return { name, kind, check: (history) => checker(history, opts) };
}

// Runs every named check (each made crash-safe, renamed to its name) and merges their validity.
export function compose(checks: readonly NamedCheck[]): (history: History) => Composed {
  return (history) => {
    const verdicts: Verdict[] = checks.map((c) => {
      const safe = checkSafe(c.kind, (h: History) => c.check(h));
      return { ...safe(history, undefined), name: c.name };
    });
    return { valid: mergeValid(verdicts.map((v) => v.valid)), verdicts };
  };
}

// The samples of one probe, sorted by time (stable, so equal times keep recording order).
export function probeSamples(history: History, probe: string): ProbeSample[] {
  return history.samples.filter((s) => s.probe === probe).sort((a, b) => a.t - b.t);
}

// The numeric value of a sample, or null when it errored or carries no finite number.
export function readable(sample: ProbeSample): number | null {
  if (sample.error !== undefined) return null;
  return typeof sample.value === 'number' && Number.isFinite(sample.value) ? sample.value : null;
}

// The final (end-of-run) sample of a probe: the latest one with final=true, or null.
export function finalSample(history: History, probe: string): ProbeSample | null {
  const finals = probeSamples(history, probe).filter((s) => s.final);
  return finals.length > 0 ? finals[finals.length - 1] : null;
}

// The faults that actually fired (fired time set and not skipped).
export function firedFaults(history: History): Array<FaultRecord & { firedMs: RunMs }> {
  return history.faults.filter((f): f is FaultRecord & { firedMs: RunMs } => f.firedMs !== null && f.skipped === null);
}

// Fired faults with fromMs <= firedMs <= toMs, as evidence references.
export function faultsBetween(history: History, fromMs: RunMs, toMs: RunMs): FaultRef[] {
  return firedFaults(history)
    .filter((f) => f.firedMs >= fromMs && f.firedMs <= toMs)
    .map((f) => ({ seq: f.seq, instance: f.instance, firedMs: f.firedMs, kind: f.kind }));
}

// The last moment the history observed: run.endMs, or (aborted run) the latest recorded time.
export function observedEndMs(history: History): RunMs {
  if (history.run.endMs !== null) return history.run.endMs;
  const times = [
    ...history.samples.map((s) => s.t),
    ...history.events.map((e) => e.t),
    ...history.faults.flatMap((f) => [f.firedMs ?? 0, f.readyMs ?? 0]),
  ];
  return times.reduce((a, b) => Math.max(a, b), 0);
}

// Formats a duration and its limit; exact ms for both when rounding would make them look equal.
export function fmtVsLimit(ms: number, limitMs: number): [string, string] {
  const [a, b] = [formatMs(ms), formatMs(limitMs)];
  return a === b && ms !== limitMs ? [`${+ms.toFixed(1)} ms`, `${+limitMs.toFixed(1)} ms`] : [a, b];
}

// Throws when a numeric option is not a finite number >= 0 (checkSafe turns this into 'unknown').
export function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new Error(`option ${name} must be a number >= 0, got ${value}`);
}
