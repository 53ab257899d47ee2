// crashtest shrink <run>: the smallest list of a failed run's faults that still fails the same invariant;
// every candidate is a stored run linked to the original.
import type { Command } from 'commander';
import { DEFAULT_DB } from '../common/index.js';
import { parseCount, parseDurationOption } from './path-options.js';
import type { ShrinkFlags } from './shrink-action.js';

/** Registers `shrink`. */
export function registerShrink(program: Command): void {
  program
    .command('shrink')
    .description('reduce a failed run\'s faults to the smallest list that still fails the same invariant (delta debugging)')
    .argument('[run]', 'the failed run: id, a unique prefix of one, or "latest"', 'latest')
    .option('--tries <n>', 'replays per candidate: it fails when any of them fails the same way', parseCount('--tries'), 3)
    .option('--budget <time>', 'stop searching after this long and report the smallest list so far', parseDurationOption('--budget', '"90s" or "10m"'), 10 * 60_000)
    .option('--out <dir>', 'folder for the replays\' output, and shrink-<run>/ with the fault lists', 'reports')
    .option('--db <file>', 'results database (the original is read from it, every replay stored in it)', DEFAULT_DB)
    .addHelpText('after', `
Exit codes: 0 the smallest list still fails · 1 no replay reproduced the failure · 2 no such run, or it did not fail

Examples:
  $ crashtest run scenarios/converter.yml --env CONVERTER_BUG=non-atomic-write   # fails: consistency
  $ crashtest shrink latest                          # the 4 faults of that run, down to 1
  $ crashtest shrink 20261201-195037 --tries 5 --budget 20m`)
    .action(async (ref: string, flags: ShrinkFlags) => (await import('./shrink-action.js')).shrinkRun(ref, flags));
}
