// converge: once chaos stops, a probe's value must reach a condition (e.g. backlog <= 0) within a
// deadline after quiet start, and still satisfy it at the final sample.
import type { ProbeSample, RunMs } from '../store/index.js';
import type { History } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { ConvergeEvidence } from './evidence.js';
import type { Verdict } from './checker.js';
import { probeSamples, readable, requireNonNegative } from './checker.js';

/** Comparison operators a converge condition may use. */
export type ConditionOp = '==' | '<=' | '>=' | '<' | '>';

/** A condition on the probe's value: `value <op> condition.value`. */
export interface Condition {
  op: ConditionOp;
  value: number;
}

/** Options of the converge checker. */
export interface ConvergeOptions {
  /** name of the probe with a numeric value; required, no default */
  probe: string;
  /** deadline after run.quietStartMs by which the condition must hold, in ms; required, no default */
  withinMs: number;
  /** what the value must satisfy; required, no default */
  condition: Condition;
}

// Whether `value <op> target` holds.
export function holds(value: number, c: Condition): boolean {
  switch (c.op) {
    case '==': return value === c.value;
    case '<=': return value <= c.value;
    case '>=': return value >= c.value;
    case '<': return value < c.value;
    case '>': return value > c.value;
  }
}

// The last sample to judge among those after quiet start: the latest final one, else the latest.
function lastSample(after: ProbeSample[]): ProbeSample {
  const finals = after.filter((s) => s.final);
  return finals.length > 0 ? finals[finals.length - 1] : after[after.length - 1];
}

// Checks converge. Samples count from quietStartMs inclusive; the condition must hold at some readable
// sample with t <= quietStartMs + withinMs (inclusive) AND at the last sample (the final one).
// 'unknown' when no sample follows quiet start, when no sample in the deadline window was readable
// (cannot tell whether it converged in time), or when it converged but the final sample failed.
export function checkConverge(history: History, opts: ConvergeOptions): Verdict<ConvergeEvidence> {
  requireNonNegative('withinMs', opts.withinMs);
  const base = { name: 'converge', kind: 'converge' as const };
  const { quietStartMs } = history.run;
  const deadlineMs = quietStartMs + opts.withinMs;
  const cond = `${opts.condition.op} ${opts.condition.value}`;
  const after = probeSamples(history, opts.probe).filter((s) => s.t >= quietStartMs);
  const inTime = after.filter((s) => s.t <= deadlineMs && readable(s) !== null);
  const met = inTime.find((s) => holds(readable(s) as number, opts.condition));
  const last = after.length > 0 ? lastSample(after) : null;
  const lastValue = last === null ? null : readable(last);
  const evidence: ConvergeEvidence = {
    condition: cond, quietStartMs, deadlineMs, metAtMs: met?.t ?? null, lastValue, lastMs: last?.t ?? null,
  };
  const verdict = (valid: Verdict['valid'], summary: string): Verdict<ConvergeEvidence> => ({ ...base, valid, summary, evidence });
  if (last === null) return verdict('unknown', `no samples of probe "${opts.probe}" after quiet start (${formatMs(quietStartMs)})`);
  if (met === undefined && inTime.length === 0) {
    return verdict('unknown', `no readable sample of probe "${opts.probe}" between ${formatMs(quietStartMs)} and ${formatMs(deadlineMs)}`);
  }
  const lastText = lastValue === null ? `final sample failed: ${last.error ?? 'no value'}` : `last ${lastValue} at ${formatMs(last.t)}`;
  if (met === undefined) return verdict(false, `never reached ${cond} within ${formatMs(opts.withinMs)} of quiet start (${lastText})`);
  const reached = `reached ${cond} at ${formatMs(met.t)} (${formatMs(met.t - quietStartMs)} after quiet start, limit ${formatMs(opts.withinMs)})`;
  if (lastValue === null) return verdict('unknown', `${reached}, but ${lastText}`);
  if (!holds(lastValue, opts.condition)) return verdict(false, `${reached}, but final value ${lastValue} at ${formatMs(last.t)} breaks it`);
  return verdict(true, `${reached}, final value ${lastValue}`);
}
