// crashtest explore, in order: 1. record: a run without faults, the chosen components traced, their
// persistence calls folded into points; 2. kill at each point: one short run per (point, k-th occurrence),
// first occurrences first, later ones while the budget lasts, each judged on the scenario's invariants;
// 3. the result: coverage {points, killed, failed} and, per failing point, its evidence and replay command.
import path from 'node:path';
import { faultsReplayCommand, type FaultEntryInput } from '../faults/index.js';
import { replay, type ReplayResult } from '../replay/index.js';
import { loadScenario } from '../scenario/index.js';
import { pointRecorder, type RecordedPoint } from './record.js';
import { killPlan } from './plan.js';

export interface ExploreOptions {
  scenarioFile: string;
  /** component name → its instances, the ones traced and killed */
  components: ReadonlyMap<string, readonly string[]>;
  env: Record<string, string>;
  durationMs?: number;
  seed?: number;
  budgetMs: number;
  /** at most this many occurrences of each point are killed at (default: as many as were recorded) */
  occurrences?: number;
  outRoot: string;
  dbFile: string;
  onRecorded?: (recording: ReplayResult, points: RecordedPoint[]) => void;
  onKill?: (point: RecordedPoint, kill: KillRun) => void;
  signal?: AbortSignal;
}

/** One run that armed a kill at a point's k-th occurrence. */
export interface KillRun {
  occurrence: number;
  runId: string;
  /** the kill landed (false: the occurrence was not reached before the quiet period) */
  landed: boolean;
  /** it landed just after the call, not before it */
  late: boolean;
  /** invariant name → summary of each that did not hold */
  failed: Record<string, string>;
  skipped?: string;
  faultsFile: string;
}

/** A point and what killing there did. */
export interface PointResult extends RecordedPoint {
  status: 'failed' | 'held' | 'not-killed';
  kills: KillRun[];
  /** the first failing kill: what to replay */
  failure?: KillRun & { replay: string };
}

export interface ExploreResult {
  recording: { runId: string; failed: Record<string, string> };
  points: PointResult[];
  coverage: { points: number; killed: number; failed: number };
  elapsedMs: number;
  outOfBudget: boolean;
  dir: string;
}

/** Explores every kill point of the scenario's chosen components. */
export async function explore(options: ExploreOptions): Promise<ExploreResult> {
  const started = Date.now();
  const budgetLeft = (): boolean => Date.now() - started < options.budgetMs && !options.signal?.aborted;
  const recorder = pointRecorder(options.components);
  const durationMs = options.durationMs ?? loadScenario(options.scenarioFile).scenario.duration;
  const common = { scenarioFile: options.scenarioFile, env: options.env, durationMs: options.durationMs, seed: options.seed, outRoot: options.outRoot, dbFile: options.dbFile, signal: options.signal };
  const dir = path.resolve(options.outRoot, `explore-${Date.now().toString(36)}`);
  const recording = await replay({ ...common, faults: [], faultsFile: path.join(dir, 'record.yml'), comment: 'explore: the recording, without faults',
    lineage: { purpose: 'explore', step: 'record: no faults, persistence calls traced' }, observe: recorder.observe });
  const points: PointResult[] = recorder.points().map((p) => ({ ...p, status: 'not-killed', kills: [] }));
  options.onRecorded?.(recording, points);
  const result = (): ExploreResult => ({
    recording: { runId: recording.runId, failed: Object.fromEntries(recording.failed) }, points, coverage: coverage(points),
    elapsedMs: Date.now() - started, outOfBudget: !budgetLeft(), dir,
  });
  if (recording.failed.size > 0 || recording.status !== 'passed') return result();
  for (const { point, occurrence } of killPlan(points, options.occurrences)) {
    if (!budgetLeft()) break;
    if (point.status === 'failed') continue;
    const entry: FaultEntryInput = { at: '0ms', target: point.component, kind: 'kill', point: { syscall: point.syscall, path: point.path, occurrence } };
    const faultsFile = path.join(dir, `point-${points.indexOf(point) + 1}-${occurrence}.yml`);
    const run = await replay({ ...common, faults: [entry], faultsFile, comment: `explore: kill ${point.component} at ${point.key}, occurrence ${occurrence}`,
      lineage: { purpose: 'explore', parent: recording.runId, step: `${point.component} ${point.key} #${occurrence}` } });
    const landing = run.injected[0]?.armed;
    const kill: KillRun = { occurrence, runId: run.runId, landed: run.injected.length > 0, late: landing?.late === true, failed: Object.fromEntries(run.failed), faultsFile,
      ...(run.skipped[0] ? { skipped: run.skipped[0] } : {}) };
    point.kills.push(kill);
    // A run that fails is the point's failure only when the kill landed: else the system fails on its own.
    if (run.failed.size > 0 && kill.landed) {
      point.status = 'failed';
      point.failure = { ...kill, replay: faultsReplayCommand({ scenarioFile: options.scenarioFile, env: options.env, durationMs }, faultsFile) };
    } else if (kill.landed) point.status = 'held';
    options.onKill?.(point, kill);
  }
  return result();
}

/** Points found, points a kill landed at, points where one made an invariant fail. */
export function coverage(points: readonly PointResult[]): ExploreResult['coverage'] {
  return { points: points.length, killed: points.filter((p) => p.kills.some((k) => k.landed)).length, failed: points.filter((p) => p.status === 'failed').length };
}
