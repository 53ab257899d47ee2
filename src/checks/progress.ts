// progress: a probe's numeric value must rise at least once in every window while chaos runs;
// a longer span without an increase is a stall, reported with the faults that may explain it.
import type { ProbeSample, RunMs } from '../store/index.js';
import type { History } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { ProgressEvidence, Stall } from './evidence.js';
import type { Verdict } from './checker.js';
import { faultsBetween, fmtVsLimit, probeSamples, readable, requireNonNegative } from './checker.js';

/** Options of the progress checker. */
export interface ProgressOptions {
  /** name of the probe whose numeric value must keep rising (e.g. jobs done); required, no default */
  probe: string;
  /** longest allowed span without an increase, in ms; required, no default (must be >= 0) */
  windowMs: number;
}

// The judged span: chaos start to quiet start, both run-relative; the same fields when chaos is off.
// If the run ended (or was cut short) before quiet start, the span ends at run.endMs.
function progressSpan(history: History): { fromMs: RunMs; toMs: RunMs } {
  const { chaosStartMs, quietStartMs, endMs } = history.run;
  return { fromMs: chaosStartMs, toMs: endMs !== null ? Math.min(quietStartMs, endMs) : quietStartMs };
}

// Times of the samples whose readable value exceeds the previous readable value. The baseline may
// be the last readable sample before the span; errored samples are skipped, never increases.
function increaseTimes(all: ProbeSample[], fromMs: RunMs, toMs: RunMs): RunMs[] {
  let prev: number | null = null;
  const times: RunMs[] = [];
  for (const s of all) {
    if (s.t > toMs) break;
    const v = readable(s);
    if (v === null) continue;
    if (s.t >= fromMs && prev !== null && v > prev) times.push(s.t);
    prev = v;
  }
  return times;
}

// Stalls: gaps strictly longer than windowMs between consecutive points of span start, increases, span end.
function findStalls(history: History, points: RunMs[], windowMs: number): Stall[] {
  const stalls: Stall[] = [];
  for (let i = 1; i < points.length; i++) {
    const fromMs = points[i - 1];
    const toMs = points[i];
    if (toMs - fromMs <= windowMs) continue;
    stalls.push({ fromMs, toMs, durationMs: toMs - fromMs, faults: faultsBetween(history, fromMs - windowMs, toMs) });
  }
  return stalls;
}

// Checks progress. Over [chaosStartMs, quietStartMs] (inclusive), an increase is a readable sample
// whose value is greater than the previous readable one; it counts at its sample time. A stall is a
// gap between consecutive points (span start, each increase, span end) STRICTLY longer than windowMs:
// a gap of exactly windowMs is not a stall, windowMs + 1 is. Errored samples never count as increases.
// 'unknown' when the span is empty, has no sample of the probe, or every sample in it failed.
export function checkProgress(history: History, opts: ProgressOptions): Verdict<ProgressEvidence> {
  requireNonNegative('windowMs', opts.windowMs);
  const { fromMs, toMs } = progressSpan(history);
  const all = probeSamples(history, opts.probe);
  const inSpan = all.filter((s) => s.t >= fromMs && s.t <= toMs);
  const errors = inSpan.filter((s) => readable(s) === null);
  const base = { name: 'progress', kind: 'progress' as const };
  const empty: ProgressEvidence = { fromMs, toMs, stalls: [], increases: 0, samples: inSpan.length, errors: errors.length };
  if (toMs <= fromMs) {
    return { ...base, valid: 'unknown', summary: `empty chaos span (${formatMs(fromMs)}..${formatMs(toMs)})`, evidence: empty };
  }
  if (inSpan.length === 0) {
    const summary = `no samples of probe "${opts.probe}" between ${formatMs(fromMs)} and ${formatMs(toMs)}`;
    return { ...base, valid: 'unknown', summary, evidence: empty };
  }
  if (errors.length === inSpan.length) {
    const why = errors[0].error ?? 'no numeric value';
    const summary = `all ${inSpan.length} samples of probe "${opts.probe}" failed (${why})`;
    return { ...base, valid: 'unknown', summary, evidence: empty };
  }
  const increases = increaseTimes(all, fromMs, toMs);
  const stalls = findStalls(history, [fromMs, ...increases, toMs], opts.windowMs);
  const evidence: ProgressEvidence = { ...empty, stalls, increases: increases.length };
  return { ...base, valid: stalls.length === 0, summary: progressSummary(evidence, opts.windowMs), evidence };
}

// "rose 58 times, no stall over 5 s" or "stalled 2 times, longest 7.1 s (limit 5 s)" (+ "; 3 probe errors").
function progressSummary(e: ProgressEvidence, windowMs: number): string {
  const times = (n: number): string => (n === 1 ? '1 time' : `${n} times`);
  const errs = e.errors === 0 ? '' : `; ${e.errors} probe error${e.errors === 1 ? '' : 's'}`;
  if (e.stalls.length === 0) return `rose ${times(e.increases)}, no stall over ${formatMs(windowMs)}${errs}`;
  const [longest, limit] = fmtVsLimit(Math.max(...e.stalls.map((s) => s.durationMs)), windowMs);
  return `stalled ${times(e.stalls.length)}, longest ${longest} (limit ${limit})${errs}`;
}
