// The load phase's moving parts besides chaos: the workload (the client) and the probes (the readers).
import type { InterpolationContext, LoadedScenario } from './scenario/index.js';
import type { RunRecorder } from './store/index.js';

/** A running workload and probe sampler. */
export interface Load {
  /** stops sending new operations and waits for those in flight (at the quiet period) */
  stopWorkload(): Promise<void>;
  /** takes the final reading of every probe */
  finalProbes(): Promise<void>;
  /** stops everything (also on abort) */
  stop(): Promise<void>;
}

/** Starts the scenario's workload and probes (none yet in scenarios without them). */
export function startLoad(options: { loaded: LoadedScenario; context: InterpolationContext; recorder: RunRecorder; t0: number; quietStartMs: number }): Load {
  void options;
  return { stopWorkload: async () => undefined, finalProbes: async () => undefined, stop: async () => undefined };
}
