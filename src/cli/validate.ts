// crashtest validate <scenario.yml>: checks a scenario file without running anything.
import type { Command } from 'commander';
import { collectEnv } from './env-option.js';
import { loadScenario, matchTargets, formatDuration, resolveScenario, dryValues, describeChaos } from '../scenario/index.js';

/** Registers `validate`. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a scenario file (schema, references, chaos targets) without starting anything')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('-e, --env <NAME=VALUE>', 'environment for ${env.NAME}, as `run --env` gives it (repeatable)', collectEnv)
    .addHelpText('after', `
Examples:
  $ crashtest validate scenarios/converter.yml
  $ crashtest validate my-system.yml --env API_PORT=8080
  $ crashtest validate my-system.yml && crashtest run my-system.yml`)
    .action((file: string, flags: { env?: Record<string, string> }) => {
      const loaded = loadScenario(file);
      resolveScenario(loaded, dryValues(loaded.scenario, loaded.dir, { ...process.env, ...flags.env })); // as a run would, with this environment
      const { scenario } = loaded;
      const instances = scenario.components.reduce((n, c) => n + c.replicas, 0);
      const targets = scenario.chaos ? matchTargets(scenario.components, scenario.chaos.targets).length : 0;
      process.stdout.write(`${file}: ok — "${scenario.name}", ${plural(scenario.components.length, 'component')} (${plural(instances, 'instance')}), ` +
        `${formatDuration(scenario.duration)}, ${scenario.chaos ? `${describeChaos(scenario.chaos)} among ${plural(targets, 'target')}` : 'no chaos'}\n`);
    });
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
