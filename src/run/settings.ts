// The numbers a run uses: the scenario's values, overridden by command-line options.
import type { Scenario } from '../scenario/index.js';
import { newSeed, type PlannedFault } from '../chaos/index.js';

/** Command-line overrides of the scenario (all optional). */
export interface Overrides {
  seed?: number;
  durationMs?: number;
  intervalMs?: number;
  /** false = --no-chaos: the same run without faults, the baseline */
  chaos?: boolean;
  /** --env NAME=VALUE: extra environment for ${env.NAME} and every component */
  env?: Record<string, string>;
  /** --faults FILE: this explicit fault list (times from the load's start) instead of the seeded schedule */
  faults?: PlannedFault[];
  /** the file the list came from, for the replay command */
  faultsFile?: string;
}

/** The run's effective timing and seed. */
export interface RunSettings {
  seed: number;
  chaos: boolean;
  /** load + chaos phase, quiet period included, ms */
  durationMs: number;
  intervalMs: number;
  jitterMs: number;
  startAfterMs: number;
  /** no kills in the last quietMs of the duration */
  quietMs: number;
  /** extra environment given on the command line */
  env: Record<string, string>;
  /** an explicit fault list replaces the seeded schedule */
  faults?: PlannedFault[];
  faultsFile?: string;
}

/** Merges scenario and overrides; the quiet period defaults to a quarter of the duration. */
export function resolveSettings(scenario: Scenario, overrides: Overrides): RunSettings {
  const durationMs = overrides.durationMs ?? scenario.duration;
  const chaos = scenario.chaos;
  const quietMs = Math.min(chaos?.quiet ?? Math.round(durationMs / 4), durationMs);
  return {
    seed: overrides.seed ?? scenario.seed ?? newSeed(),
    chaos: overrides.chaos !== false && (chaos !== undefined || overrides.faults !== undefined),
    durationMs,
    intervalMs: overrides.intervalMs ?? chaos?.interval ?? 10_000,
    jitterMs: chaos?.jitter ?? 0,
    startAfterMs: chaos?.start_after ?? 0,
    quietMs,
    env: overrides.env ?? {},
    ...(overrides.faults ? { faults: overrides.faults, faultsFile: overrides.faultsFile } : {}),
  };
}
