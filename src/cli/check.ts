// crashtest check <run|latest>: projects a stored run's History from its events again and judges it, running nothing.
import type { Command } from 'commander';
import { DEFAULT_DB } from '../common/index.js';

/** Registers `check`. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('re-run the checks of a stored run from the results database (nothing is started)')
    .argument('[run]', 'run id, a unique prefix of one, or "latest"', 'latest')
    .option('--db <file>', 'results database', DEFAULT_DB)
    .addHelpText('after', `
Exit codes: 0 every invariant held · 1 an invariant failed · 2 no such run

Examples:
  $ crashtest check                      # the latest run
  $ crashtest check 20261126-124808      # by id prefix
  $ crashtest check latest --db ci.db`)
    .action(async (ref: string, opts: { db: string }) => (await import('./check-action.js')).check(ref, opts));
}
