// crashtest explore <scenario>: kill-point coverage. Records the persistence calls of a run without
// faults, kills at each point in a run of its own, prints coverage and the replay command of each failure.
import type { Command } from 'commander';
import { DEFAULT_DB } from '../common/index.js';
import { parseCount, parseDurationOption, parseSeed } from './path-options.js';
import { collectEnv } from './env-option.js';
import type { ExploreFlags } from './explore-action.js';

/** Registers `explore`. */
export function registerExplore(program: Command): void {
  program
    .command('explore')
    .description('kill-point coverage: record every persistence call, then kill at each point in a run of its own')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('--components <names>', 'components to trace and kill, comma-separated (default: the chaos targets, else every killable one)')
    .option('--budget <time>', 'stop starting kill runs after this long', parseDurationOption('--budget', '"90s" or "10m"'), 10 * 60_000)
    .option('--seed <n>', 'seed of the workload (default: the scenario\'s)', parseSeed)
    .option('--duration <time>', 'each run\'s load phase, quiet period included (default: the scenario\'s)', parseDurationOption('--duration', '"90s" or "10m"'))
    .option('--occurrences <n>', 'kill at most the first n occurrences of each point (default: as many as recorded)', parseCount('--occurrences'))
    .option('-e, --env <NAME=VALUE>', 'extra environment for ${env.NAME} and every component (repeatable)', collectEnv)
    .option('--out <dir>', 'folder for every run, and explore-<id>/ with explore.html, explore.json and the fault lists', 'reports')
    .option('--db <file>', 'results database: the recording and every kill run are stored there', DEFAULT_DB)
    .addHelpText('after', `
Exit codes: 0 no point failed · 1 a kill at some point made an invariant fail (or the system fails without faults) ·
            2 bad scenario or usage · 3 strace or ptrace missing, or the system failed to start

Examples:
  $ crashtest explore test/fixtures/scenarios/converter-armed-small.yml --components worker --env CONVERTER_BUG=non-atomic-write
  $ crashtest explore scenarios/converter.yml --budget 10m --duration 20s
  $ crashtest explore my-system.yml --components api,worker --occurrences 1   # first occurrences only`)
    .action(async (file: string, flags: ExploreFlags) => (await import('./explore-action.js')).exploreRun(file, flags));
}
