// CPU % and RSS per component for the report charts: each instance's mean per time bucket,
// summed over the instances of a component (the samples table holds one reading per instance per second).
import type { UsageSample } from '../../store/index.js';
import { bucketOf, bucketTimes, buckets } from '../stats.js';

/** CPU % and RSS (MiB) per component per bucket; null where no instance of it was sampled. */
export interface UsageChart {
  bucketS: number;
  t: number[];
  components: string[];
  cpu: (number | null)[][];
  rssMb: (number | null)[][];
}

// Per component and bucket: the sum over its instances of each one's mean reading.
function sumByComponent(samples: readonly UsageSample[], componentOf: (i: string) => string, count: number, bucket: (t: number) => number): Map<string, { cpu: (number | null)[]; rss: (number | null)[] }> {
  const inst = new Map<string, { cpu: Float64Array; rss: Float64Array; n: Uint32Array }>();
  for (const s of samples) {
    let acc = inst.get(s.instance);
    if (!acc) inst.set(s.instance, (acc = { cpu: new Float64Array(count), rss: new Float64Array(count), n: new Uint32Array(count) }));
    const i = bucket(s.t);
    acc.cpu[i] += s.cpu;
    acc.rss[i] += s.rss;
    acc.n[i]++;
  }
  const comp = new Map<string, { cpu: (number | null)[]; rss: (number | null)[] }>();
  for (const [instance, acc] of inst) {
    const name = componentOf(instance);
    const c = comp.get(name) ?? { cpu: new Array<number | null>(count).fill(null), rss: new Array<number | null>(count).fill(null) };
    for (let i = 0; i < count; i++) {
      if (acc.n[i] === 0) continue;
      c.cpu[i] = (c.cpu[i] ?? 0) + acc.cpu[i] / acc.n[i];
      c.rss[i] = (c.rss[i] ?? 0) + acc.rss[i] / acc.n[i];
    }
    comp.set(name, c);
  }
  return comp;
}

// The usage chart data, or null when nothing was sampled.
export function usageSeries(samples: readonly UsageSample[], componentOf: (instance: string) => string, endMs: number): UsageChart | null {
  if (samples.length === 0) return null;
  const b = buckets(Math.max(endMs, samples[samples.length - 1].t));
  const comp = sumByComponent(samples, componentOf, b.count, (t) => bucketOf(b, t));
  const components = [...comp.keys()].sort();
  const round = (v: number | null, k: number): number | null => (v === null ? null : Math.round(v * k) / k);
  return {
    bucketS: b.widthMs / 1000,
    t: bucketTimes(b),
    components,
    cpu: components.map((c) => (comp.get(c) as { cpu: (number | null)[] }).cpu.map((v) => round(v, 10))),
    rssMb: components.map((c) => (comp.get(c) as { rss: (number | null)[] }).rss.map((v) => round(v === null ? null : v / 1048576, 10))),
  };
}
