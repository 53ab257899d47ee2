// One replay: a run of a scenario with an explicit fault list (written to a faults file, so the run's
// replay command names it), printed nowhere, stored with the search step it belongs to.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { faultsFileText, loadFaults, type FaultEntryInput } from '../faults/index.js';
import { runScenario, type RunResult } from '../run/index.js';
import { loadScenario } from '../scenario/index.js';
import type { RunEvent } from '../store/index.js';

/** What to replay, and where it belongs. */
export interface ReplayOptions {
  scenarioFile: string;
  env: Record<string, string>;
  durationMs?: number;
  /** the workload's seed (default: the scenario's) */
  seed?: number;
  faults: readonly FaultEntryInput[];
  /** where the faults file is written */
  faultsFile: string;
  /** the comment at the top of the faults file */
  comment: string;
  outRoot: string;
  dbFile: string;
  /** recorded as the run's lineage: the search, the run it started from, and this step */
  lineage: { purpose: 'explore' | 'shrink'; parent?: string; step: string };
  /** an observer for the run (explore's recording) */
  observe?: Parameters<typeof runScenario>[0]['observe'];
  signal?: AbortSignal;
}

/** How a replay ended: the run, its exit code, and each invariant that failed with its summary. */
export interface ReplayResult {
  runId: string;
  exitCode: number;
  status: RunResult['status'];
  /** invariant name → summary, for every verdict that is not a pass */
  failed: Map<string, string>;
  /** each fault that fired, as recorded (where an armed one landed) */
  injected: Extract<RunEvent, { type: 'fault.injected' }>[];
  /** why each fault that did not fire was skipped */
  skipped: string[];
  result: RunResult;
}

/** Writes the faults file and runs the scenario with it. */
export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  mkdirSync(path.dirname(options.faultsFile), { recursive: true });
  writeFileSync(options.faultsFile, faultsFileText(options.faults, options.comment));
  const faults = options.faults.length > 0 ? loadFaults(options.faultsFile, loadScenario(options.scenarioFile)) : undefined;
  const injected: Extract<RunEvent, { type: 'fault.injected' }>[] = [];
  const skipped: string[] = [];
  const result = await runScenario({
    file: options.scenarioFile, env: options.env, durationMs: options.durationMs, seed: options.seed, outRoot: options.outRoot, dbFile: options.dbFile,
    signal: options.signal, observe: options.observe,
    ...(faults ? { faults, faultsFile: options.faultsFile } : { chaos: false }),
    onStart: ({ recorder }) => {
      recorder.record({ type: 'run.lineage', t: 0, ...options.lineage });
      recorder.onEvent((event) => {
        if (event.type === 'fault.injected') injected.push(event);
        if (event.type === 'fault.skipped') skipped.push(event.reason);
      });
    },
  });
  const failed = new Map((result.judgement?.verdicts ?? []).filter((v) => v.valid !== true).map((v) => [v.name, v.summary]));
  return { runId: result.runId, exitCode: result.exitCode, status: result.status, failed, injected, skipped, result };
}
