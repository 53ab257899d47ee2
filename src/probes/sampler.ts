// Samples every probe on its own interval during the run, and once more at the end (final = true).
import type { ProbeSpec } from '../scenario/index.js';
import type { ProbeSample, RunRecorder } from '../store/index.js';
import { readProbe } from './read.js';

export interface ProbeSampler {
  /** the final reading of every probe (after the quiet period) */
  final(): Promise<void>;
  /** stops the periodic readings and waits for those under way */
  stop(): Promise<void>;
}

/** Starts sampling the (interpolated) probes; each sample is recorded as it is taken. */
export function startProbes(probes: Record<string, ProbeSpec>, options: { recorder: RunRecorder; t0: number; cwd: string }): ProbeSampler {
  const now = (): number => performance.now() - options.t0;
  const pending = new Set<Promise<void>>();
  let stopped = false;
  const sample = (name: string, spec: ProbeSpec, final: boolean): Promise<void> => {
    const t = now();
    const done = readProbe(spec, options.cwd, final).then(
      (reading): ProbeSample => ({ probe: name, t, final, ...reading }),
      (error: Error): ProbeSample => ({ probe: name, t, final, error: error.message || String(error) }),
    ).then((result) => { if (!stopped || final) options.recorder.record({ type: 'probe.sampled', t: result.t, sample: result }); });
    pending.add(done);
    return done.finally(() => pending.delete(done));
  };
  const busy = new Set<string>();
  const timers = Object.entries(probes).map(([name, spec]) => setInterval(() => {
    if (busy.has(name)) return;
    busy.add(name);
    void sample(name, spec, false).finally(() => busy.delete(name));
  }, spec.every));
  const stopTimers = (): void => timers.forEach((timer) => clearInterval(timer));
  return {
    final: async () => {
      stopTimers();
      await Promise.all([...pending]);
      await Promise.all(Object.entries(probes).map(([name, spec]) => sample(name, spec, true)));
    },
    stop: async () => {
      stopTimers();
      stopped = true;
      await Promise.all([...pending]);
    },
  };
}
