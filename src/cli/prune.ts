// crashtest prune: forgets old runs, their rows in the results database and their output folders (logs,
// data, reports), so a CI runner or a laptop does not fill up with them.
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_DB, deleteRuns, markAbortedRuns, openStore, runsToPrune, type PrunableRun } from '../store/index.js';
import { parseDuration } from '../scenario/index.js';
import { ScenarioError } from '../errors.js';
import { databaseExists, parseCount } from './path-options.js';
import { folderBytes, formatBytes } from './folder-size.js';

interface PruneFlags { db: string; keep?: number; olderThan?: number; dryRun?: boolean }

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
    .action((flags: PruneFlags) => {
      if (flags.keep === undefined && flags.olderThan === undefined) {
        throw new ScenarioError('prune: say what to keep: --keep <count> and/or --older-than <age> (see crashtest prune --help)');
      }
      if (!databaseExists('--db', flags.db)) {
        process.stdout.write(`no runs yet in ${flags.db}: nothing to prune\n`);
        return;
      }
      const db = openStore(flags.db);
      try {
        markAbortedRuns(db); // a run whose crashtest died is over, and may go
        const doomed = runsToPrune(db, { keep: flags.keep, olderThanMs: flags.olderThan, nowMs: Date.now() });
        const bytes = doomed.reduce((sum, run) => sum + (ownFolder(run) ? folderBytes(run.outDir) : 0), 0);
        const verb = flags.dryRun ? 'would delete' : 'deleted';
        for (const run of doomed) process.stdout.write(`  ${run.id}  ${run.status.padEnd(7)}  ${run.name}${ownFolder(run) ? '' : '  (no output folder)'}\n`);
        if (!flags.dryRun && doomed.length > 0) {
          for (const run of doomed) if (ownFolder(run)) rmSync(run.outDir, { recursive: true, force: true });
          deleteRuns(db, doomed.map((run) => run.id));
          db.exec('VACUUM');
        }
        process.stdout.write(`${verb} ${doomed.length} run${doomed.length === 1 ? '' : 's'}, ${formatBytes(bytes)} of output\n`);
      } finally {
        db.close();
      }
    });
}

/** The run's folder exists and is its own (named by its id): never remove anything else. */
function ownFolder(run: PrunableRun): boolean {
  try {
    return path.basename(run.outDir) === run.id && statSync(run.outDir).isDirectory();
  } catch {
    return false;
  }
}

function parseAge(value: string): number {
  const days = /^\s*(\d+(?:\.\d+)?)\s*d\s*$/.exec(value);
  const ms = days ? Number(days[1]) * 86_400_000 : parseDuration(value);
  if (ms === undefined || !Number.isFinite(ms)) throw new ScenarioError(`--older-than: expected an age like "7d", "12h" or "30m", got "${value}"`);
  return ms;
}
