// A synthetic stored run for benchmarks and scale tests, built deterministically from a seed: by default
// one hour, 20 components, 1 s CPU/RSS samples, 360 kills and 100k operations, judged by the real checkers.
import type { FaultRecord, History, InstanceRecord, OpRecord, ProbeSample, UsageSample } from '../store/index.js';
import { checkConsistency, checkConverge, checkNoLoss, checkProgress, checkRecovery, compose, named, parseVerdict } from '../checks/index.js';
import { componentOfInstance, instanceName } from '../common/index.js';
import type { ReportInput } from './input.js';

/** The size of a synthetic run. */
export interface SyntheticOptions {
  seed?: number;
  durationMs?: number;
  components?: number;
  kills?: number;
  ops?: number;
}

// A small seeded generator (mulberry32): floats in [0, 1).
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

// Faults evenly spread over the chaos window, at random targets; every 97th recovers too slowly.
function makeFaults(rand: Rand, names: string[], kills: number, fromMs: number, toMs: number): FaultRecord[] {
  const step = (toMs - fromMs) / (kills + 1);
  return Array.from({ length: kills }, (_, i) => {
    const scheduledMs = Math.round(fromMs + (i + 1) * step);
    const firedMs = scheduledMs + rand() * 2;
    const instance = names[Math.floor(rand() * names.length)];
    const readyAfter = (i + 1) % 97 === 0 ? 6000 + rand() * 3000 : 40 + rand() * 1500;
    return {
      seq: i + 1, scheduledMs, firedMs, instance, component: componentOfInstance(instance), kind: 'kill', pid: 10_000 + i, signal: 'SIGKILL', why: 'random', armed: null, healedMs: null, victims: [],
      skipped: null, restartedMs: firedMs + 3 + rand() * 5, readyMs: firedMs + readyAfter,
    };
  });
}

// The processes: one generation per instance start, ended by a kill, an exit of its own, or teardown.
function makeInstances(rand: Rand, names: string[], faults: FaultRecord[], endMs: number): InstanceRecord[] {
  const out: InstanceRecord[] = [];
  let pid = 1000;
  for (const [n, name] of names.entries()) {
    const ends: { t: number; next: number; cause: 'chaos' | 'self' | 'teardown' }[] = faults.filter((f) => f.instance === name)
      .map((f) => ({ t: f.firedMs as number, next: f.restartedMs as number, cause: 'chaos' }));
    if (n % 7 === 3) ends.push({ t: endMs * (0.2 + 0.1 * (n % 5)), next: endMs * (0.2 + 0.1 * (n % 5)) + 100, cause: 'self' });
    ends.sort((a, b) => a.t - b.t);
    let spawnedMs = 5 + n * 3;
    ends.push({ t: endMs - 50 + rand() * 20, next: endMs, cause: 'teardown' });
    for (const [g, end] of ends.entries()) {
      out.push({
        component: componentOfInstance(name), instance: name, generation: g + 1, pid: pid++, spawnedMs, readyMs: spawnedMs + 30 + rand() * 60,
        endedMs: end.t, exitCode: end.cause === 'self' ? 1 : null, signal: end.cause === 'self' ? null : 'SIGKILL', cause: end.cause,
      });
      spawnedMs = end.next;
    }
  }
  return out;
}

// Operations at a steady rate: mostly acked at once, some retried, a few gave up or were rejected.
function makeOps(rand: Rand, count: number, fromMs: number, toMs: number): OpRecord[] {
  const step = (toMs - fromMs) / count;
  return Array.from({ length: count }, (_, i) => {
    const startMs = fromMs + i * step;
    const r = rand();
    const tries = r < 0.05 ? 2 + Math.floor(rand() * 3) : 1;
    const attempts = Array.from({ length: tries }, (_, k) => ({ t: startMs + k * 60, outcome: k === tries - 1 ? '201' : 'ECONNREFUSED', latencyMs: 2 + rand() * 40 }));
    const last = attempts[tries - 1];
    const endMs = last.t + last.latencyMs;
    const outcome = r > 0.999 ? 'rejected' : r > 0.994 ? 'gave_up' : 'acked';
    return { seq: i + 1, key: `k-${i + 1}`, startMs, endMs, outcome, attempts, ...(outcome === 'acked' ? { ackMs: endMs } : {}) };
  });
}

// Probe readings once a second: a rising counter (with stalls), a backlog, violations, and the final keys.
function makeSamples(ops: OpRecord[], endMs: number, quietStartMs: number): ProbeSample[] {
  const samples: ProbeSample[] = [];
  let done = 0;
  let o = 0;
  for (let t = 1000; t < endMs; t += 1000) {
    while (o < ops.length && ops[o].endMs <= t) if (ops[o++].outcome === 'acked') done++;
    const stalled = t % 900_000 > 600_000 && t % 900_000 < 615_000;
    samples.push({ probe: 'done', t, final: false, ...(stalled ? {} : { value: done }) });
    samples.push({ probe: 'pending', t, final: false, value: t < quietStartMs ? (t / 1000) % 17 : 0 });
    if (t % 5000 === 0) samples.push({ probe: 'violations', t, final: false, items: [] });
  }
  const keys = ops.filter((op) => op.outcome === 'acked' && op.seq % 25_000 !== 0).map((op) => op.key);
  samples.push({ probe: 'done', t: endMs, final: true, value: done }, { probe: 'keys', t: endMs, final: true, items: keys });
  return samples;
}

// CPU % and RSS of every instance once a second.
function makeUsage(rand: Rand, names: string[], endMs: number): UsageSample[] {
  const out: UsageSample[] = [];
  for (let t = 1000; t < endMs; t += 1000) {
    for (const [n, instance] of names.entries()) {
      out.push({ t: t + rand() * 20, instance, pid: 1000 + n, cpu: Math.round((5 + n * 2 + rand() * 30) * 10) / 10, rss: Math.round((60 + n * 8 + rand() * 20) * 1048576) });
    }
  }
  return out;
}

/** The scenario the synthetic run pretends to have used (only what the report reads). */
export const SYNTHETIC_SCENARIO = {
  name: 'synthetic',
  invariants: { progress: { probe: 'done', window: 10_000 }, no_loss: { probe: 'keys' }, consistency: { probe: 'violations' },
    converge: { probe: 'pending', condition: { op: '==', value: 0 }, within: 10_000 }, recovery: { within: 5_000, probe: 'done' } },
};

// A synthetic stored run, with its verdicts from the real checkers.
export function syntheticRun(options: SyntheticOptions = {}): ReportInput {
  const { seed = 1, durationMs = 3_600_000, components = 20, kills = 360, ops: opCount = 100_000 } = options;
  const rand = prng(seed);
  const endMs = durationMs + 1000;
  const quietStartMs = Math.round(durationMs * 0.92);
  const names = Array.from({ length: components }, (_, i) => instanceName(`svc-${String(i).padStart(2, '0')}`, 0));
  const faults = makeFaults(rand, names, kills, 1000, quietStartMs);
  const ops = makeOps(rand, opCount, 1000, quietStartMs);
  const history: History = {
    run: {
      id: `synthetic-${seed}`, name: 'synthetic', scenarioPath: 'synthetic.yml', seed, chaos: true, status: 'failed',
      startedAt: '2026-01-01T00:00:00.000Z', durationMs, chaosStartMs: 1000, quietStartMs, endMs, exitCode: 1,
      command: `npx crashtest run synthetic.yml --seed ${seed} --duration ${durationMs}ms --interval 10000ms`,
    },
    instances: makeInstances(rand, names, faults, endMs), faults, ops, inFlight: [], samples: makeSamples(ops, endMs, quietStartMs), usage: [],
    events: [{ type: 'run.started', t: 0, runId: `synthetic-${seed}`, seed, chaos: true }],
  };
  const inv = SYNTHETIC_SCENARIO.invariants;
  const { verdicts } = compose([
    named('progress', 'progress', checkProgress, { probe: 'done', windowMs: inv.progress.window }),
    named('no_loss', 'no_loss', checkNoLoss, { probe: 'keys' }),
    named('consistency', 'consistency', checkConsistency, { probe: 'violations' }),
    named('converge', 'converge', checkConverge, { probe: 'pending', withinMs: 10_000, condition: { op: '==', value: 0 } }),
    named('recovery', 'recovery', checkRecovery, { withinMs: inv.recovery.within, probe: 'done' }),
  ])(history);
  return { history, verdicts: verdicts.map(parseVerdict), usage: makeUsage(rand, names, endMs), scenario: SYNTHETIC_SCENARIO, version: '0.0.0-synthetic', excerpts: [] };
}
