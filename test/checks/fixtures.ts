// Hand-written histories for the checker tests: makeHistory fills every field with a default,
// and small builders keep samples, faults and ops one short line each.
import type { OpRecord, ProbeSample } from '../../src/store/events.js';
import type { FaultRecord, History, RunInfo } from '../../src/store/history.js';

/** Default run: chaos from 5 s to 65 s, ended at 95 s. */
export const defaultRun: RunInfo = {
  id: 'run-1',
  name: 'test',
  scenarioPath: 'scenario.yaml',
  seed: 1,
  chaos: true,
  status: 'running',
  startedAt: '2024-01-01T00:00:00.000Z',
  durationMs: 60_000,
  chaosStartMs: 5_000,
  quietStartMs: 65_000,
  endMs: 95_000,
  exitCode: null,
  command: 'crashtest run scenario.yaml',
};

/** A full History from a partial one (run fields merge into defaultRun). */
export function makeHistory(partial: Omit<Partial<History>, 'run'> & { run?: Partial<RunInfo> } = {}): History {
  return {
    run: { ...defaultRun, ...partial.run },
    instances: partial.instances ?? [],
    faults: partial.faults ?? [],
    ops: partial.ops ?? [],
    inFlight: partial.inFlight ?? [],
    samples: partial.samples ?? [],
    usage: partial.usage ?? [],
    events: partial.events ?? [],
  };
}

/** A numeric sample. */
export function num(probe: string, t: number, value: number, final = false): ProbeSample {
  return { probe, t, final, value };
}

/** A list sample. */
export function list(probe: string, t: number, items: string[], final = false): ProbeSample {
  return { probe, t, final, items };
}

/** A sample where the probe failed. */
export function failed(probe: string, t: number, error: string, final = false): ProbeSample {
  return { probe, t, final, error };
}

/** A fired fault (pass readyMs null for "never came back"). */
export function fault(seq: number, instance: string, firedMs: number, readyMs: number | null): FaultRecord {
  return {
    seq,
    scheduledMs: firedMs,
    firedMs,
    instance,
    component: instance.split('.')[0],
    pid: 1000 + seq,
    kind: 'kill',
    why: null,
    armed: null,
    healedMs: null,
    victims: [],
    signal: 'SIGKILL',
    skipped: null,
    restartedMs: readyMs === null ? null : readyMs - 100,
    readyMs,
  };
}

/** A fault that was scheduled but skipped. */
export function skippedFault(seq: number, instance: string, scheduledMs: number): FaultRecord {
  return { ...fault(seq, instance, scheduledMs, null), firedMs: null, pid: null, skipped: 'target not running' };
}

/** A workload op with the given outcome (acked ops get ackMs = t). */
export function op(seq: number, key: string, t: number, outcome: OpRecord['outcome'] = 'acked'): OpRecord {
  const base: OpRecord = { seq, key, startMs: t - 10, endMs: t, outcome, attempts: [{ t: t - 10, outcome, latencyMs: 10 }] };
  return outcome === 'acked' ? { ...base, ackMs: t } : base;
}

/** A rising counter sampled every stepMs over [fromMs, toMs], value = index. */
export function rising(probe: string, fromMs: number, toMs: number, stepMs = 1000): ProbeSample[] {
  const out: ProbeSample[] = [];
  for (let t = fromMs, i = 0; t <= toMs; t += stepMs, i++) out.push(num(probe, t, i));
  return out;
}
