// The data embedded in report.html for its charts, aggregated server-side into at most MAX_POINTS
// buckets per series (so an hour of 100k operations stays small): progress, recovery, workload, usage.
import type { History } from '../../store/index.js';
import { nearestRank, probeSamples, readable, sortedValues, type JudgedVerdict } from '../../checks/index.js';
import { componentOf, runEndMs, type ReportInput } from '../input.js';
import { MAX_POINTS, bucketOf, rateBucketMs, bucketTimes, buckets, measuredRecovery, opLatency, recoveryTimes, round3 } from '../stats.js';
import { usageSeries, type UsageChart } from './usage-data.js';

/** One fired fault as drawn: a kill marker. */
export interface KillMark {
  seq: number;
  /** fired time, s */
  t: number;
  target: string;
  signal: string;
}

/** Everything the charts draw; times in seconds since the run started. */
export interface ChartData {
  name: string;
  runId: string;
  endS: number;
  chaosStartS: number;
  quietStartS: number;
  kills: KillMark[];
  progress: { probe: string | null; t: number[]; v: (number | null)[]; stalls: [number, number][] };
  /** when the run would have paged (wake_up), as [from, to] in seconds */
  pages: [number, number][];
  recovery: { limitMs: number | null; components: string[]; t: number[]; ms: (number | null)[][] };
  ops: { bucketS: number; t: number[]; acked: number[]; retries: number[]; gaveUp: number[]; rejected: number[]; p50: (number | null)[]; p99: (number | null)[] } | null;
  usage: UsageChart | null;
}

// The probe the progress chart shows: the progress invariant's, else the first probe with a number.
export function progressProbe(history: History, scenario: unknown): string | null {
  const named = (scenario as { invariants?: { progress?: { probe?: unknown } } } | null)?.invariants?.progress?.probe;
  if (typeof named === 'string') return named;
  return history.samples.find((s) => typeof s.value === 'number')?.probe ?? null;
}

// The probe's readings, the last readable one per bucket when there are more than MAX_POINTS.
function progressPoints(history: History, probe: string | null): { t: number[]; v: (number | null)[] } {
  const samples = probe === null ? [] : probeSamples(history, probe);
  if (samples.length <= MAX_POINTS) return { t: samples.map((s) => round3(s.t / 1000)), v: samples.map(readable) };
  const b = buckets(runEndMs(history), 0);
  const last = new Map<number, { t: number; v: number | null }>();
  for (const s of samples) {
    const i = bucketOf(b, s.t);
    const v = readable(s);
    if (v !== null || !last.has(i)) last.set(i, { t: s.t, v });
  }
  const points = [...last.values()];
  return { t: points.map((p) => round3(p.t / 1000)), v: points.map((p) => p.v) };
}

// Stalls of the progress verdict, as [from, to] in seconds.
function stallSpans(verdicts: readonly JudgedVerdict[]): [number, number][] {
  const e = verdicts.map((v) => v.evidence).find((x) => x.kind === 'progress');
  return e?.kind === 'progress' ? e.stalls.map((s) => [round3(s.fromMs / 1000), round3(s.toMs / 1000)]) : [];
}

// Pages of the wake_up verdict, as [from, to] in seconds (one still on at the end runs to endMs).
function pageSpans(verdicts: readonly JudgedVerdict[], endMs: number): [number, number][] {
  const e = verdicts.map((v) => v.evidence).find((x) => x.kind === 'wake_up');
  return e?.kind === 'wake_up' ? e.pages.map((p) => [round3(p.atMs / 1000), round3(Math.max(p.untilMs ?? endMs, p.atMs) / 1000)]) : [];
}

// Recovery time per fired fault, one series per component (null where the fault hit another one).
function recoveryPoints(input: ReportInput): ChartData['recovery'] {
  const times = recoveryTimes(input.history, measuredRecovery(input.verdicts));
  const fired = input.history.faults.filter((f) => f.firedMs !== null).sort((a, b) => (a.firedMs as number) - (b.firedMs as number));
  const components = [...new Set(fired.map((f) => f.component))].sort();
  const ms = components.map((c) => fired.map((f) => (f.component === c ? roundOrNull(times.get(f.seq) ?? null) : null)));
  const rec = input.verdicts.map((v) => v.evidence).find((e) => e.kind === 'recovery');
  const limitMs = rec?.kind === 'recovery' ? rec.withinMs : null;
  return { limitMs, components, t: fired.map((f) => round3((f.firedMs as number) / 1000)), ms };
}

// Rounds to a tenth of a ms, keeping null.
function roundOrNull(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10) / 10;
}

// Operations per second by outcome, retries per second, and latency p50/p99 of the acks per bucket.
function opsSeries(history: History): ChartData['ops'] {
  if (history.ops.length === 0) return null;
  const endMs = runEndMs(history);
  const b = buckets(endMs, rateBucketMs(endMs));
  const zero = (): number[] => new Array<number>(b.count).fill(0);
  const [acked, retries, gaveUp, rejected] = [zero(), zero(), zero(), zero()];
  const lat: number[][] = Array.from({ length: b.count }, () => []);
  for (const op of history.ops) {
    const end = bucketOf(b, op.ackMs ?? op.endMs);
    if (op.outcome === 'acked') { acked[end]++; lat[end].push(opLatency(op)); }
    else if (op.outcome === 'gave_up') gaveUp[end]++;
    else rejected[end]++;
    for (let i = 1; i < op.attempts.length; i++) retries[bucketOf(b, op.attempts[i].t)]++;
  }
  const perS = (counts: number[]): number[] => counts.map((n) => round3(n / (b.widthMs / 1000)));
  const sorted = lat.map(sortedValues);
  const pct = (p: number): (number | null)[] => sorted.map((l) => roundOrNull(nearestRank(l, p)));
  return {
    bucketS: b.widthMs / 1000, t: bucketTimes(b), acked: perS(acked), retries: perS(retries), gaveUp: perS(gaveUp),
    rejected: perS(rejected), p50: pct(50), p99: pct(99),
  };
}

// The chart data of a stored run.
export function chartData(input: ReportInput): ChartData {
  const { history } = input;
  const { run } = history;
  const probe = progressProbe(history, input.scenario);
  const kills = history.faults.filter((f) => f.firedMs !== null).map((f) => ({
    seq: f.seq, t: round3((f.firedMs as number) / 1000), target: f.instance, signal: f.signal,
  }));
  return {
    name: run.name, runId: run.id, endS: round3(runEndMs(history) / 1000),
    chaosStartS: round3(run.chaosStartMs / 1000), quietStartS: round3(run.quietStartMs / 1000), kills,
    progress: { probe, ...progressPoints(history, probe), stalls: stallSpans(input.verdicts) },
    pages: pageSpans(input.verdicts, runEndMs(history)),
    recovery: recoveryPoints(input),
    ops: opsSeries(history),
    usage: usageSeries(input.usage, (instance) => componentOf(history, instance), runEndMs(history)),
  };
}
