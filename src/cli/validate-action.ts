// What `crashtest validate` does, loaded only when it runs: load the scenario and resolve it as a run would.
import { plural } from '../common/index.js';
import { loadScenario, matchTargets, formatDuration, resolveScenario, dryValues, describeChaos } from '../scenario/index.js';

/** Checks `file` as a run would (with this environment) and prints a one-line summary. */
export function validate(file: string, flags: { env?: Record<string, string> }): void {
  const loaded = loadScenario(file);
  resolveScenario(loaded, dryValues(loaded.scenario, loaded.dir, { ...process.env, ...flags.env })); // as a run would, with this environment
  const { scenario } = loaded;
  const instances = scenario.components.reduce((n, c) => n + c.replicas, 0);
  const targets = scenario.chaos ? matchTargets(scenario.components, scenario.chaos.targets).length : 0;
  process.stdout.write(`${file}: ok — "${scenario.name}", ${plural(scenario.components.length, 'component')} (${plural(instances, 'instance')}), ` +
    `${formatDuration(scenario.duration)}, ${scenario.chaos ? `${describeChaos(scenario.chaos)} among ${plural(targets, 'target')}` : 'no chaos'}\n`);
}

