// The load phase's moving parts besides chaos: the workload (the client) and the probes (the readers).
import type { LoadedScenario, ResolvedScenario } from '../scenario/index.js';
import type { RunRecorder } from '../store/index.js';
import { startWorkload, type Workload } from '../workload/index.js';
import { startProbes } from '../probes/index.js';
import { sleepUntil } from '../common/index.js';

/** A running workload and probe sampler. */
export interface Load {
  /** at the workload's stop time (by default the quiet period's start): stops starting operations and waits for those in flight */
  stopWorkload(signal?: AbortSignal): Promise<void>;
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
  /** run-relative: when the components were all ready, when the quiet period starts, when the run ends */
  loadStartMs: number;
  quietStartMs: number;
  endMs: number;
  seed: number;
}

/** Starts the scenario's workload (if any) and probes. */
export function startLoad(options: LoadOptions): Load {
  const { loaded, recorder, t0 } = options;
  const { workload: spec, probes } = options.resolved;
  const sampler = startProbes(probes, { recorder, t0, cwd: loaded.dir });
  let workload: Workload | undefined;
  let stopMs = options.quietStartMs;
  if (spec) {
    const startMs = options.loadStartMs + spec.start;
    stopMs = Math.min(spec.stop !== undefined ? options.loadStartMs + spec.stop : options.quietStartMs, options.endMs);
    workload = startWorkload({ spec, recorder, t0, startMs, stopMs, seed: options.seed, cwd: loaded.dir });
  }
  return {
    stopWorkload: async (signal) => {
      await sleepUntil(t0 + stopMs, signal);
      await workload?.drain();
    },
    finalProbes: () => sampler.final(),
    stop: async () => {
      workload?.abort();
      await sampler.stop();
    },
  };
}
