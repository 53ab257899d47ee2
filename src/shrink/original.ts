// What a shrink starts from: a failed run as stored (its scenario, environment, duration, the faults it
// planned and the invariants that failed), read from the results database alone.
import type Database from 'better-sqlite3';
import { ScenarioError } from '../errors.js';
import { faultsOfRun, type FaultEntryInput } from '../faults/index.js';
import type { Scenario } from '../scenario/index.js';
import { readEvents, readHistory, readRunScenario, readVerdicts, type RunEvent } from '../store/index.js';

/** A failed run, ready to be replayed with fewer faults. */
export interface OriginalRun {
  runId: string;
  scenarioFile: string;
  env: Record<string, string>;
  durationMs: number;
  faults: FaultEntryInput[];
  /** invariant name → summary of each invariant that failed (valid false) */
  failed: Map<string, string>;
  /** from the start of the load to the quiet period: where a fault may be moved */
  chaosWindowMs: number;
}

/** Reads run `runId`; ScenarioError (exit 2) when it did not fail or planned no fault. */
export function readOriginal(db: Database.Database, runId: string): OriginalRun {
  const history = readHistory(db, runId);
  const failed = new Map(readVerdicts(db, runId).filter((v) => v.valid === false).map((v) => [v.name, v.summary]));
  if (failed.size === 0) throw new ScenarioError(`run ${runId} has no failed invariant (status ${history.run.status}): nothing to shrink`);
  const scenario = readRunScenario(db, runId) as Scenario;
  const events = readEvents(db, runId);
  const startAfterMs = scenario.chaos?.start_after ?? 0;
  const faults = faultsOfRun(events, startAfterMs);
  if (faults.length === 0) throw new ScenarioError(`run ${runId} planned no fault: nothing to shrink (its failure needs no fault at all)`);
  const window = events.find((e): e is Extract<RunEvent, { type: 'run.window' }> => e.type === 'run.window');
  const loadStartMs = window ? window.chaosStartMs - startAfterMs : 0;
  return {
    runId, scenarioFile: history.run.scenarioPath, env: envOfCommand(history.run.command), durationMs: history.run.durationMs,
    faults, failed, chaosWindowMs: window ? window.quietStartMs - loadStartMs : history.run.durationMs,
  };
}

/** The `--env NAME=VALUE` options of a stored replay command (shell-quoted as replayCommand writes them). */
export function envOfCommand(command: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const match of command.matchAll(/--env ('(?:[^']|'\\'')*'|\S+)/g)) {
    const word = match[1].startsWith("'") ? match[1].slice(1, -1).replace(/'\\''/g, "'") : match[1];
    const at = word.indexOf('=');
    if (at > 0) env[word.slice(0, at)] = word.slice(at + 1);
  }
  return env;
}

