// Numbers derived from a stored run for the reports: workload counts and latency percentiles,
// per-fault recovery times, and time buckets (so a long run is aggregated, never embedded raw).
import type { FaultRecord, History, OpRecord } from '../store/index.js';
import { distribution, nearestRank, sortedValues, type JudgedVerdict } from '../checks/index.js';
import type { ReportDocument } from './schema.js';

/** At most this many points per chart series: longer runs are aggregated into wider buckets. */
export const MAX_POINTS = 1200;

/** Latency percentiles in ms (null when nothing was measured), as report.json holds them. */
export type Latency = ReportDocument['workload']['latencyMs'];

/** Workload totals: operations by outcome, retries, and latencies (report.json's "workload"). */
export type OpStats = ReportDocument['workload'];

// p50/p90/p99/max of a list of values (nearest rank), sorting it once.
export function latency(values: number[]): Latency {
  const sorted = sortedValues(values);
  const pick = (p: number): number | null => nearestRank(sorted, p);
  return { count: sorted.length, p50: pick(50), p90: pick(90), p99: pick(99), max: pick(100) };
}

// The latency of an operation: start to ack (or end when no ack time was recorded).
export function opLatency(op: OpRecord): number {
  return (op.ackMs ?? op.endMs) - op.startMs;
}

// Workload totals of a history.
export function opStats(ops: readonly OpRecord[]): OpStats {
  const count = (o: string): number => ops.reduce((n, op) => n + (op.outcome === o ? 1 : 0), 0);
  const attemptTimes: number[] = [];
  for (const op of ops) for (const a of op.attempts) attemptTimes.push(a.latencyMs);
  return {
    total: ops.length,
    acked: count('acked'),
    gaveUp: count('gave_up'),
    rejected: count('rejected'),
    retried: ops.reduce((n, op) => n + (op.attempts.length > 1 ? 1 : 0), 0),
    attempts: attemptTimes.length,
    latencyMs: latency(ops.filter((op) => op.outcome === 'acked').map(opLatency)),
    attemptLatencyMs: latency(attemptTimes),
  };
}

// Recovery times per fault seq as measured by the recovery checker (ready and progressing again).
export function measuredRecovery(verdicts: readonly JudgedVerdict[]): Map<number, number | null> {
  const measured = new Map<number, number | null>();
  for (const { evidence } of verdicts) {
    if (evidence.kind === 'recovery') for (const f of evidence.perFault) measured.set(f.seq, f.recoveryMs);
  }
  return measured;
}

// The time from a fault to its target being ready again, from the verdict's evidence when it has one.
export function recoveryTimes(history: History, evidenceMs: ReadonlyMap<number, number | null>): Map<number, number | null> {
  const times = new Map<number, number | null>();
  for (const f of history.faults) {
    if (f.firedMs === null) continue;
    const measured = evidenceMs.get(f.seq);
    times.set(f.seq, measured !== undefined ? measured : f.readyMs === null ? null : f.readyMs - f.firedMs);
  }
  return times;
}

/** A per-component distribution of recovery times (one entry of report.json's "recovery"). */
export type ComponentRecovery = ReportDocument['recovery'][number];

// p50/p99/max recovery time per component, components in name order.
export function recoveryByComponent(faults: readonly FaultRecord[], times: ReadonlyMap<number, number | null>): ComponentRecovery[] {
  const by = new Map<string, { kills: number; values: number[] }>();
  for (const f of faults) {
    if (!times.has(f.seq)) continue;
    const entry = by.get(f.component) ?? { kills: 0, values: [] };
    entry.kills++;
    const t = times.get(f.seq);
    if (t !== null && t !== undefined) entry.values.push(t);
    by.set(f.component, entry);
  }
  return [...by].sort((a, b) => a[0].localeCompare(b[0])).map(([component, e]) => {
    const { count: recovered, p50, p99, max } = distribution(e.values);
    return { component, kills: e.kills, recovered, p50, p99, max };
  });
}

/** Time buckets over [0, endMs]: width in ms and count. */
export interface Buckets {
  widthMs: number;
  count: number;
}

// Buckets of at least minWidthMs (a round number of seconds when wider), at most MAX_POINTS of them.
export function buckets(endMs: number, minWidthMs = 1000, maxPoints = MAX_POINTS): Buckets {
  let widthMs = Math.max(minWidthMs, endMs / maxPoints);
  if (widthMs > 1000) widthMs = Math.ceil(widthMs / 1000) * 1000;
  return { widthMs, count: Math.max(1, Math.ceil(endMs / widthMs) + 1) };
}

// The narrowest rate bucket worth drawing: finer for short runs (250 ms under 30 s, 500 ms under 2 min), else 1 s.
export function rateBucketMs(endMs: number): number {
  return endMs < 30_000 ? 250 : endMs < 120_000 ? 500 : 1000;
}

// The bucket index of a time, clamped to the buckets.
export function bucketOf(b: Buckets, t: number): number {
  return Math.min(b.count - 1, Math.max(0, Math.floor(t / b.widthMs)));
}

// Bucket start times in seconds (the x axis of every time chart).
export function bucketTimes(b: Buckets): number[] {
  return Array.from({ length: b.count }, (_, i) => round3((i * b.widthMs) / 1000));
}

// Rounds to 3 decimals (ms precision on a seconds axis), keeping the embedded JSON small.
export function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
