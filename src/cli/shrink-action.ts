// What `crashtest shrink` does, loaded only when it runs: read the failed run, replay smaller fault lists, print each step.
import { plural } from '../common/index.js';
import { stringify } from 'yaml';
import { openStore, markAbortedRuns, resolveRunId } from '../store/index.js';
import { formatDuration } from '../scenario/index.js';
import { faultsReplayCommand } from '../faults/index.js';
import { readOriginal, shrink, type OriginalRun, type ShrinkStep } from '../shrink/index.js';
import { ScenarioError } from '../errors.js';

/** The flags of `shrink`, as commander hands them over. */
export interface ShrinkFlags {
  tries: number;
  budget: number;
  out: string;
  db: string;
}

/** Shrinks the faults of run `ref` and prints the smallest list that still fails. */
export async function shrinkRun(ref: string, flags: ShrinkFlags): Promise<void> {
  const original = readStored(flags.db, ref);
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const failed = [...original.failed.keys()].join(', ');
    process.stdout.write(`crashtest: shrinking run ${original.runId} · ${plural(original.faults.length, 'fault')} · ${failed} failed · up to ${flags.tries} replays a candidate · budget ${formatDuration(flags.budget)}\n`);
    const result = await shrink({ original, tries: flags.tries, budgetMs: flags.budget, outRoot: flags.out, dbFile: flags.db, signal: abort.signal, onReplay: printStep });
    const { failures, replays } = result.reproduced;
    process.stdout.write(`\nsmallest fault list: ${plural(result.minimal.length, 'fault')} (from ${original.faults.length}), fails ${failed} in ${failures} of ${replays} replays · ${result.candidates} candidates, ${result.steps.length} replays in ${formatDuration(result.elapsedMs)}${result.outOfBudget ? ' (budget spent: the smallest so far)' : ''}\n`);
    for (const fault of result.minimal) process.stdout.write(`  - ${stringify(fault, { collectionStyle: 'flow', lineWidth: 0 }).trim()}\n`);
    process.stdout.write(`faults file: ${result.faultsFile}\nreplay:      ${faultsReplayCommand(original, result.faultsFile)}\n`);
    process.exitCode = failures > 0 ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

function readStored(dbFile: string, ref: string): OriginalRun {
  const db = openStore(dbFile);
  try {
    markAbortedRuns(db);
    const runId = resolveRunId(db, ref);
    if (!runId) throw new ScenarioError(`no run matches "${ref}" in ${dbFile} (see: crashtest runs --db ${dbFile})`);
    return readOriginal(db, runId);
  } finally {
    db.close();
  }
}

function printStep(step: ShrinkStep): void {
  const outcome = step.reproduced ? `FAILED ${step.failed.join(', ')}` : step.failed.length > 0 ? `failed otherwise (${step.failed.join(', ')})` : 'passed';
  process.stdout.write(`  candidate ${String(step.candidate).padEnd(3)} ${plural(step.faults.length, 'fault').padEnd(9)} replay ${step.attempt}  ${outcome.padEnd(22)} run ${step.runId}\n`);
}

