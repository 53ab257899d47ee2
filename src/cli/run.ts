// crashtest run <scenario.yml>: the kill -9 litmus test; prints events as they happen, ends with the verdict.
import { Option, type Command } from 'commander';
import { DEFAULT_DB } from '../common/index.js';
import { parseDurationOption, parseSeed } from './path-options.js';
import { collectEnv } from './env-option.js';
import type { RunFlags } from './run-action.js';

/** Registers `run`. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a scenario: start its components, kill them on a seeded schedule, check the invariants')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('--seed <n>', 'seed of the fault schedule (default: the scenario\'s, else random)', parseSeed)
    .option('--duration <time>', 'load and chaos phase, e.g. 30s or 2m (default: the scenario\'s)', parseDurationOption('--duration'))
    .option('--interval <time>', 'time between kills, e.g. 500ms (default: the scenario\'s, else 10s)', parseDurationOption('--interval'))
    .option('--out <dir>', 'folder for run output: <dir>/<run-id>/', 'reports')
    .option('--db <file>', 'results database', DEFAULT_DB)
    .addOption(new Option('--no-chaos', 'same run without faults: the baseline to compare against'))
    .option('-e, --env <NAME=VALUE>', 'extra environment for ${env.NAME} and every component (repeatable)', collectEnv)
    .option('--faults <file>', 'replay this fault list (YAML or JSON: at, target, kind, armed.nth or point) instead of the seeded schedule')
    .option('-v, --verbose', 'also print every workload operation and teardown exits')
    .addHelpText('after', `
Exit codes: 0 every invariant held · 1 an invariant failed · 2 bad scenario or usage ·
            3 the system under test failed to start · 4 internal error · 130 interrupted

Examples:
  $ crashtest run scenarios/converter.yml
  $ crashtest run scenarios/converter.yml --seed 42 --duration 30s --interval 2s
  $ crashtest run scenarios/converter.yml --no-chaos          # baseline without kills
  $ crashtest run scenarios/converter.yml --env CONVERTER_BUG=no-lease-expiry   # a planted bug
  $ crashtest run scenarios/converter.yml --faults faults.yml   # replay an explicit fault list (from shrink or explore)`)
    .action(async (file: string, flags: RunFlags) => (await import('./run-action.js')).run(file, flags));
}
