// crashtest prune: forgets old runs, their rows in the results database and their output folders (logs,
// data, reports), so a CI runner or a laptop does not fill up with them.
import type { Command } from 'commander';
import { DEFAULT_DB, parseDuration } from '../common/index.js';
import { ScenarioError } from '../errors.js';
import { parseCount } from './path-options.js';
import type { PruneFlags } from './prune-action.js';

/** Registers `prune`. */
export function registerPrune(program: Command): void {
  program
    .command('prune')
    .description('delete old runs: their output folders and their rows in the results database')
    .option('--db <file>', 'results database', DEFAULT_DB)
    .option('--keep <count>', 'keep the newest <count> runs', parseCount('--keep'))
    .option('--older-than <age>', 'only runs started longer ago than <age> ("7d", "12h", "30m")', parseAge)
    .option('--dry-run', 'list what would be deleted, delete nothing')
    .addHelpText('after', `
With both --keep and --older-than, a run goes only when it is past both. A run still running is never deleted,
and a folder is removed only when it is that run's own output folder (its name is the run id).

Examples:
  $ crashtest prune --keep 10                  # the 10 newest runs stay
  $ crashtest prune --older-than 7d            # runs started more than a week ago go
  $ crashtest prune --keep 3 --dry-run         # show what would go`)
    .action(async (flags: PruneFlags) => (await import('./prune-action.js')).prune(flags));
}

function parseAge(value: string): number {
  const days = /^\s*(\d+(?:\.\d+)?)\s*d\s*$/.exec(value);
  const ms = days ? Number(days[1]) * 86_400_000 : parseDuration(value);
  if (ms === undefined || !Number.isFinite(ms)) throw new ScenarioError(`--older-than: expected an age like "7d", "12h" or "30m", got "${value}"`);
  return ms;
}
