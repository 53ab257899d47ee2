// crashtest runs: past runs with verdict, duration, faults and seed.
import type { Command } from 'commander';
import { DEFAULT_DB } from '../common/index.js';
import { parseCount } from './path-options.js';

/** Registers `runs`. */
export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list past runs, newest first')
    .option('--db <file>', 'results database', DEFAULT_DB)
    .option('-n, --limit <count>', 'how many runs to show', parseCount('-n'), 20)
    .addHelpText('after', `
Examples:
  $ crashtest runs
  $ crashtest runs --db ci-results.db -n 5`)
    .action(async (opts: { db: string; limit: number }) => (await import('./runs-action.js')).runs(opts));
}
