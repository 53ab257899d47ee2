// What `crashtest prune` does, loaded only when it runs: pick the runs to forget, delete their folders and rows.
import { plural } from '../common/index.js';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { deleteRuns, markAbortedRuns, openStore, runsToPrune, type PrunableRun } from '../store/index.js';
import { ScenarioError } from '../errors.js';
import { databaseExists } from './path-options.js';
import { folderBytes, formatBytes } from './folder-size.js';

/** The flags of `prune`, as commander hands them over. */
export interface PruneFlags { db: string; keep?: number; olderThan?: number; dryRun?: boolean }

/** Deletes (or with --dry-run lists) the runs past --keep and --older-than. */
export function prune(flags: PruneFlags): void {
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
    process.stdout.write(`${verb} ${plural(doomed.length, 'run')}, ${formatBytes(bytes)} of output\n`);
  } finally {
    db.close();
  }
}

/** The run's folder exists and is its own (named by its id): never remove anything else. */
function ownFolder(run: PrunableRun): boolean {
  try {
    return path.basename(run.outDir) === run.id && statSync(run.outDir).isDirectory();
  } catch {
    return false;
  }
}
