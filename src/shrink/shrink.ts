// crashtest shrink, in order: read the failed run; drop faults by delta debugging (halves, then single
// faults), a candidate failing when the same invariant fails in any of `tries` replays; then move each
// remaining fault earlier or later; replay the result `tries` times to say how often it reproduces.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { faultsFileText, type FaultEntryInput } from '../faults/index.js';
import { replay, type ReplayResult } from '../replay/index.js';
import { parseDuration } from '../scenario/index.js';
import { ddmin } from './ddmin.js';
import type { OriginalRun } from './original.js';

export interface ShrinkOptions {
  original: OriginalRun;
  /** replays per candidate; it fails when any of them fails the same invariant (default 3) */
  tries: number;
  budgetMs: number;
  outRoot: string;
  dbFile: string;
  /** told about every replay as it ends */
  onReplay?: (step: ShrinkStep) => void;
  signal?: AbortSignal;
}

/** One replay of one candidate. */
export interface ShrinkStep {
  candidate: number;
  faults: readonly FaultEntryInput[];
  attempt: number;
  runId: string;
  /** it failed one of the original's failed invariants */
  reproduced: boolean;
  failed: string[];
}

export interface ShrinkResult {
  minimal: FaultEntryInput[];
  /** how many of the final replays of `minimal` failed the same way, of how many */
  reproduced: { failures: number; replays: number };
  steps: ShrinkStep[];
  candidates: number;
  faultsFile: string;
  elapsedMs: number;
  /** the budget ran out before the search ended: `minimal` is the smallest found so far */
  outOfBudget: boolean;
}

/** Shrinks the original's fault list. */
export async function shrink(options: ShrinkOptions): Promise<ShrinkResult> {
  const { original } = options;
  const started = Date.now();
  const budgetLeft = (): boolean => Date.now() - started < options.budgetMs && !options.signal?.aborted;
  const dir = path.resolve(options.outRoot, `shrink-${original.runId}`);
  const steps: ShrinkStep[] = [];
  const verdicts = new Map<string, { candidate: number; failures: number; replays: number }>();
  let candidates = 0;
  const play = async (faults: readonly FaultEntryInput[], attempt: number, candidate: number): Promise<boolean> => {
    const result: ReplayResult = await replay({
      scenarioFile: original.scenarioFile, env: original.env, durationMs: original.durationMs, faults, outRoot: options.outRoot, dbFile: options.dbFile,
      faultsFile: path.join(dir, `candidate-${candidate}.yml`), comment: `shrink of run ${original.runId}: candidate ${candidate}, ${faults.length} fault${faults.length === 1 ? '' : 's'}`,
      lineage: { purpose: 'shrink', parent: original.runId, step: `candidate ${candidate} (${faults.length} faults), replay ${attempt}` }, signal: options.signal,
    });
    const reproduced = [...result.failed.keys()].some((name) => original.failed.has(name));
    const step = { candidate, faults, attempt, runId: result.runId, reproduced, failed: [...result.failed.keys()] };
    steps.push(step);
    options.onReplay?.(step);
    return reproduced;
  };
  // A candidate fails when any replay fails the same way; replays stop at the first that does.
  const fails = async (faults: readonly FaultEntryInput[]): Promise<boolean> => {
    const key = JSON.stringify(faults);
    const known = verdicts.get(key);
    if (known) return known.failures > 0;
    const candidate = ++candidates;
    const tally = { candidate, failures: 0, replays: 0 };
    verdicts.set(key, tally);
    for (let attempt = 1; attempt <= options.tries && tally.failures === 0 && budgetLeft(); attempt++) {
      tally.replays += 1;
      if (await play(faults, attempt, candidate)) tally.failures += 1;
    }
    return tally.failures > 0;
  };
  let minimal = await ddmin(original.faults, fails, budgetLeft);
  minimal = await moveFaults(minimal, original.chaosWindowMs, fails, budgetLeft);
  const outOfBudget = !budgetLeft();
  const known = verdicts.get(JSON.stringify(minimal));
  const reproduced = await confirm(known, options.tries, budgetLeft, (attempt) => play(minimal, attempt, known?.candidate ?? 0));
  const faultsFile = path.join(dir, 'minimal.yml');
  writeFileSync(faultsFile, faultsFileText(minimal, `the smallest fault list found by shrinking run ${original.runId}; fails ${[...original.failed.keys()].join(', ')} in ${reproduced.failures} of ${reproduced.replays} replays`));
  return { minimal, reproduced, steps, candidates, faultsFile, elapsedMs: Date.now() - started, outOfBudget };
}

// Each remaining fault moved halfway towards the start of the load, else halfway towards the quiet period;
// a move is kept when the list still fails. Fewer, earlier faults make the failure easier to read.
async function moveFaults(faults: FaultEntryInput[], windowMs: number, fails: (f: readonly FaultEntryInput[]) => Promise<boolean>, budgetLeft: () => boolean): Promise<FaultEntryInput[]> {
  let current = faults;
  for (let i = 0; i < current.length && budgetLeft(); i++) {
    const atMs = parseDuration(current[i].at) ?? 0;
    for (const moved of [Math.round(atMs / 2), Math.round(atMs + (windowMs - atMs) / 2)]) {
      if (moved === atMs || !budgetLeft()) continue;
      const candidate = current.map((f, j) => (j === i ? { ...f, at: `${moved}ms` } : f));
      if (await fails(candidate)) {
        current = candidate;
        break;
      }
    }
  }
  return current;
}

// The final list replayed until `tries` replays are known, so the output can say how often it reproduces.
async function confirm(known: { failures: number; replays: number } | undefined, tries: number, budgetLeft: () => boolean,
  play: (attempt: number) => Promise<boolean>): Promise<{ failures: number; replays: number }> {
  const tally = { failures: known?.failures ?? 0, replays: known?.replays ?? 0 };
  while (tally.replays < tries && budgetLeft()) {
    tally.replays += 1;
    if (await play(tally.replays)) tally.failures += 1;
  }
  return tally;
}
