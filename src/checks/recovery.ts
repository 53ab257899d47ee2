// recovery: after every kill, the replacement must be ready again (and, with a probe, the system must
// make progress again) within a time limit; reports per-fault times and per-component percentiles.
import type { ProbeSample, RunMs } from '../store/index.js';
import type { FaultRecord, History } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { Distribution, FaultRecovery, RecoveryEvidence, RecoveryIssue } from './evidence.js';
import type { Validity, Verdict } from './checker.js';
import { firedFaults, fmtVsLimit, observedEndMs, probeSamples, readable, requireNonNegative } from './checker.js';
import { distribution } from './percentiles.js';

/** Options of the recovery checker. */
export interface RecoveryOptions {
  /** longest allowed recovery time per fault, in ms (a recovery of exactly withinMs passes); required */
  withinMs: number;
  /** probe with a numeric value that must rise again after the restart; default: none (readiness only) */
  probe?: string;
}

// First readable sample at or after readyMs whose value exceeds the last readable value at or before
// firedMs (with no reading before the fault, any readable sample counts); its time, or null.
function firstProgressMs(samples: ProbeSample[], firedMs: RunMs, readyMs: RunMs): RunMs | null {
  let baseline = -Infinity;
  for (const s of samples) {
    const v = readable(s);
    if (v === null) continue;
    if (s.t <= firedMs) baseline = v;
    else if (s.t >= readyMs && v > baseline) return s.t;
  }
  return null;
}

// Classifies a fault with no measured recovery. Not recovered is a failure once the run was observed
// for at least withinMs after the fault fired; before that it is 'unknown' (nothing could be observed).
// A fault whose instance was killed again within withinMs, before it had recovered, is 'superseded':
// the next kill cut its recovery short, so it is not judged (the next fault is).
function classify(f: FaultRecord & { firedMs: RunMs }, samples: ProbeSample[] | null, withinMs: number, endMs: RunMs, nextKillMs: RunMs | null): RecoveryIssue {
  if (f.readyMs !== null && f.readyMs - f.firedMs > withinMs) return 'over_limit';
  if (nextKillMs !== null && nextKillMs - f.firedMs <= withinMs) return 'superseded';
  if (endMs - f.firedMs < withinMs) return 'near_end';
  if (f.readyMs === null) return 'never_ready';
  const readyMs = f.readyMs;
  if (samples !== null && !samples.some((s) => s.t >= readyMs && readable(s) !== null)) return 'probe_unreadable';
  return 'no_progress';
}

// Judges one fault: recovery time (max of time to ready and, with a probe, time to progress) vs withinMs.
function judgeFault(fault: FaultRecord & { firedMs: RunMs }, samples: ProbeSample[] | null, withinMs: number, endMs: RunMs, nextKillMs: RunMs | null): FaultRecovery {
  // A pause ends when crashtest continues the group: recovery is timed from then, not from the SIGSTOP.
  const f = fault.kind === 'pause' && fault.healedMs !== null ? { ...fault, firedMs: fault.healedMs } : fault;
  const readyDelay = f.readyMs === null ? null : f.readyMs - f.firedMs;
  const progressMs = samples !== null && f.readyMs !== null ? firstProgressMs(samples, f.firedMs, f.readyMs) : null;
  let recoveryMs: number | null = readyDelay;
  if (samples !== null) recoveryMs = readyDelay === null || progressMs === null ? null : Math.max(readyDelay, progressMs - f.firedMs);
  let issue: RecoveryIssue | null = null;
  if (recoveryMs === null) issue = classify(f, samples, withinMs, endMs, nextKillMs);
  else if (recoveryMs > withinMs) issue = 'over_limit';
  const ok: Validity = issue === null ? true : issue === 'near_end' || issue === 'probe_unreadable' || issue === 'superseded' ? 'unknown' : false;
  const { seq, instance, component, firedMs, readyMs } = f;
  return { seq, instance, component, firedMs, readyMs, progressMs, recoveryMs, ok, issue };
}

// Per-component distribution of the measured recovery times.
function perComponent(perFault: FaultRecovery[]): Record<string, Distribution> {
  const times = new Map<string, number[]>();
  for (const f of perFault) {
    const list = times.get(f.component) ?? [];
    if (f.recoveryMs !== null) list.push(f.recoveryMs);
    times.set(f.component, list);
  }
  return Object.fromEntries([...times].map(([c, list]) => [c, distribution(list)]));
}

// Checks recovery of every fired fault (firedMs set, not skipped). Fails if any fault recovered after
// withinMs (exactly withinMs passes) or never recovered. Faults fired less than withinMs before the end
// and not yet recovered are 'unknown' and do not fail or taint the check; a fault whose progress could
// not be observed (probe unreadable after it) makes the check 'unknown'. No fault fired => true.
export function checkRecovery(history: History, opts: RecoveryOptions): Verdict<RecoveryEvidence> {
  requireNonNegative('withinMs', opts.withinMs);
  const samples = opts.probe === undefined ? null : probeSamples(history, opts.probe);
  const endMs = observedEndMs(history);
  const faults = firedFaults(history).sort((a, b) => a.firedMs - b.firedMs || a.seq - b.seq);
  const nextKill = (f: FaultRecord & { firedMs: RunMs }): RunMs | null =>
    faults.find((g) => g.instance === f.instance && g.firedMs > f.firedMs)?.firedMs ?? null;
  const perFault = faults.map((f) => judgeFault(f, samples, opts.withinMs, endMs, nextKill(f)));
  const count = (...issues: RecoveryIssue[]): number => perFault.filter((f) => f.issue !== null && issues.includes(f.issue)).length;
  const evidence: RecoveryEvidence = {
    withinMs: opts.withinMs,
    perFault,
    perComponent: perComponent(perFault),
    overLimit: count('over_limit', 'never_ready', 'no_progress'),
    neverRecovered: count('never_ready', 'no_progress'),
    undetermined: count('near_end'),
    superseded: count('superseded'),
    unreadable: count('probe_unreadable'),
  };
  const okCount = perFault.filter((f) => f.ok === true).length;
  let valid: Validity = true;
  if (evidence.overLimit > 0) valid = false;
  else if (evidence.unreadable > 0 || (perFault.length > 0 && okCount === 0)) valid = 'unknown';
  return { name: 'recovery', kind: 'recovery', valid, summary: recoverySummary(evidence), evidence };
}

// "1 fault" / "3 faults".
function faultCount(k: number): string {
  return k === 1 ? '1 fault' : `${k} faults`;
}

// One line: "12 faults recovered, slowest 3.2 s (limit 10 s)", or what failed, plus what was not judged.
function recoverySummary(e: RecoveryEvidence): string {
  const n = e.perFault.length;
  if (n === 0) return 'no faults fired';
  const limit = formatMs(e.withinMs);
  const unjudged = [
    ...(e.undetermined > 0 ? [`${faultCount(e.undetermined)} fired < ${limit} before the end`] : []),
    ...(e.superseded > 0 ? [`${faultCount(e.superseded)} killed again before recovering`] : []),
    ...(e.unreadable > 0 ? [`probe unreadable after ${faultCount(e.unreadable)}`] : []),
  ].join(', ');
  const okCount = n - e.overLimit - e.undetermined - e.superseded - e.unreadable;
  if (e.overLimit === 0 && okCount === 0) return `no fault could be judged: ${unjudged}`;
  const tail = unjudged === '' ? '' : `; not judged: ${unjudged}`;
  if (e.overLimit === 0) {
    const [slowest, slowLimit] = fmtVsLimit(Math.max(...e.perFault.map((f) => f.recoveryMs ?? 0)), e.withinMs);
    return `${faultCount(okCount)} recovered, slowest ${slowest} (limit ${slowLimit})${tail}`;
  }
  const slow = e.perFault.filter((f) => f.issue === 'over_limit');
  const slowMs = Math.max(...slow.map((f) => f.recoveryMs ?? (f.readyMs ?? f.firedMs) - f.firedMs));
  const parts = [
    ...(slow.length > 0 ? [`${slow.length} too slow (slowest ${fmtVsLimit(slowMs, e.withinMs)[0]})`] : []),
    ...(e.neverRecovered > 0 ? [`${e.neverRecovered} never recovered`] : []),
  ];
  return `${e.overLimit} of ${faultCount(n)} not recovered within ${limit}: ${parts.join(', ')}${tail}`;
}
