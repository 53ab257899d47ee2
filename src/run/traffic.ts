// The load phase's moving parts besides chaos: the workload (the client) and the probes (the readers).
import type { LoadedScenario, ResolvedScenario } from '../scenario/index.js';
import type { RunRecorder } from '../store/index.js';
import { startWorkload, type Workload } from '../workload/index.js';
import { startProbes } from '../probes/index.js';

/** A running workload and probe sampler. */
export interface Load {
  /** stops starting operations and waits for those in flight (at the quiet period) */
  stopWorkload(): Promise<void>;
  /** takes the final reading of every probe */
  finalProbes(): Promise<void>;
  /** stops everything (also on abort) */
  stop(): Promise<void>;
}

export interface LoadOptions {
  loaded: LoadedScenario;
  /** workload and probes, already resolved */
  resolved: ResolvedScenario;
  recorder: RunRecorder;
  /** performance.now() at run start */
  t0: number;
  /** run-relative: when the components were all ready, and when the quiet period starts */
  loadStartMs: number;
  quietStartMs: number;
  seed: number;
}

/** Starts the scenario's workload (if any) and probes. */
export function startLoad(options: LoadOptions): Load {
  const { loaded, recorder, t0 } = options;
  const { workload: spec, probes } = options.resolved;
  const sampler = startProbes(probes, { recorder, t0, cwd: loaded.dir });
  let workload: Workload | undefined;
  if (spec) {
    const startMs = options.loadStartMs + spec.start;
    const stopMs = spec.stop !== undefined ? options.loadStartMs + spec.stop : options.quietStartMs;
    workload = startWorkload({ spec, recorder, t0, startMs, stopMs, seed: options.seed, cwd: loaded.dir });
  }
  return {
    stopWorkload: async () => workload?.drain(),
    finalProbes: () => sampler.final(),
    stop: async () => {
      workload?.abort();
      await sampler.stop();
    },
  };
}
