// crashtest shrink <run>: the smallest list of a failed run's faults that still fails the same invariant;
// every candidate is a stored run linked to the original.
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { DEFAULT_DB, openStore, markAbortedRuns, resolveRunId } from '../store/index.js';
import { parseDuration, formatDuration } from '../scenario/index.js';
import { faultsReplayCommand } from '../faults/index.js';
import { readOriginal, shrink, type OriginalRun, type ShrinkStep } from '../shrink/index.js';
import { ScenarioError } from '../errors.js';

interface ShrinkFlags {
  tries: number;
  budget: number;
  out: string;
  db: string;
}

/** Registers `shrink`. */
export function registerShrink(program: Command): void {
  program
    .command('shrink')
    .description('reduce a failed run\'s faults to the smallest list that still fails the same invariant (delta debugging)')
    .argument('[run]', 'the failed run: id, a unique prefix of one, or "latest"', 'latest')
    .option('--tries <n>', 'replays per candidate: it fails when any of them fails the same way', positive('--tries'), 3)
    .option('--budget <time>', 'stop searching after this long and report the smallest list so far', budget, 10 * 60_000)
    .option('--out <dir>', 'folder for the replays\' output, and shrink-<run>/ with the fault lists', 'reports')
    .option('--db <file>', 'results database (the original is read from it, every replay stored in it)', DEFAULT_DB)
    .addHelpText('after', `
Exit codes: 0 the smallest list still fails · 1 no replay reproduced the failure · 2 no such run, or it did not fail

Examples:
  $ crashtest run scenarios/converter.yml --env CONVERTER_BUG=non-atomic-write   # fails: consistency
  $ crashtest shrink latest                          # the 4 faults of that run, down to 1
  $ crashtest shrink 20261201-195037 --tries 5 --budget 20m`)
    .action(async (ref: string, flags: ShrinkFlags) => {
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
    });
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function positive(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new ScenarioError(`${flag}: expected a whole number of at least 1, got "${value}"`);
    return n;
  };
}

function budget(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms === 0) throw new ScenarioError(`--budget: expected a duration like "90s" or "10m", got "${value}"`);
  return ms;
}
