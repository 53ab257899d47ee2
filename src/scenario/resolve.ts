// The one place a scenario's ${...} references are filled for a run: all at once, right after the
// run's values (folder, id, ports) exist and before anything starts; a failure is a located exit 2.
import { fillScenario, type FilledScenario, type RunValues } from './fill.js';
import type { InterpolationContext } from './interpolate.js';
import { scenarioError, type LoadedScenario } from './load.js';

/** The scenario as the run uses it: every string filled (the workload keeps ${seq}, ${key}, ${uuid}). */
export interface ResolvedScenario extends FilledScenario {
  /** the values the references were filled with */
  context: InterpolationContext;
}

/** Fills setup, every component instance, workload and probes; throws one ScenarioError listing every reference that cannot be filled. */
export function resolveScenario(loaded: LoadedScenario, values: RunValues): ResolvedScenario {
  const { filled, problems } = fillScenario(loaded.scenario, values);
  if (problems.length > 0) {
    throw scenarioError(loaded.shown, problems.map(({ path, message }) => `${loaded.where(path)} ${path.join('.')}: ${message}`));
  }
  return { ...filled, context: values.context };
}
