// What `crashtest explore` does, loaded only when it runs: record the points, kill at each, print coverage.
import { explore, writeExplore, type KillRun, type RecordedPoint } from '../explore/index.js';
import { loadScenario, matchTargets, formatDuration } from '../scenario/index.js';
import { componentOfInstance } from '../common/index.js';
import { ScenarioError } from '../errors.js';

/** The flags of `explore`, as commander hands them over. */
export interface ExploreFlags {
  components?: string;
  budget: number;
  seed?: number;
  duration?: number;
  occurrences?: number;
  env?: Record<string, string>;
  out: string;
  db: string;
}

/** Explores the kill points of the scenario in `file` and prints coverage and each failing point. */
export async function exploreRun(file: string, flags: ExploreFlags): Promise<void> {
  const loaded = loadScenario(file);
  const components = chosenComponents(loaded.scenario, flags.components);
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    process.stdout.write(`crashtest: explore "${loaded.scenario.name}" · components ${[...components.keys()].join(', ')} · budget ${formatDuration(flags.budget)}\n`);
    const result = await explore({
      scenarioFile: file, components, env: flags.env ?? {}, durationMs: flags.duration, seed: flags.seed, budgetMs: flags.budget, occurrences: flags.occurrences,
      outRoot: flags.out, dbFile: flags.db, signal: abort.signal, onRecorded: (recording, points) => printRecording(recording.runId, recording.failed, points), onKill: printKill,
    });
    const files = writeExplore(result, loaded.scenario.name);
    const { points, killed, failed } = result.coverage;
    const runs = 1 + result.points.reduce((sum, p) => sum + p.kills.length, 0);
    process.stdout.write(`\ncoverage: ${points} points, ${killed} killed at, ${failed} failing · ${runs} runs in ${formatDuration(result.elapsedMs)}${result.outOfBudget ? ' (budget spent)' : ''}\n`);
    for (const p of result.points.filter((x) => x.failure)) {
      process.stdout.write(`FAIL  ${p.component} at ${p.key} (occurrence ${p.failure!.occurrence}, run ${p.failure!.runId})\n`);
      for (const [name, summary] of Object.entries(p.failure!.failed)) process.stdout.write(`      ${name}: ${summary}\n`);
      process.stdout.write(`      replay: ${p.failure!.replay}\n`);
    }
    process.stdout.write(`report: ${files.html}\n        ${files.json}\n`);
    process.exitCode = failed > 0 || Object.keys(result.recording.failed).length > 0 ? 1 : 0;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

function printRecording(runId: string, failed: Map<string, string>, points: readonly RecordedPoint[]): void {
  const verdict = failed.size > 0 ? `FAILED without faults: ${[...failed.keys()].join(', ')}; nothing to explore` : 'every invariant held';
  process.stdout.write(`record  run ${runId}: ${points.length} points (no faults; ${verdict})\n`);
  points.forEach((p, i) => process.stdout.write(`  ${String(i + 1).padStart(3)}  ${p.component}  ${p.key.padEnd(48)} ${String(p.occurrences).padStart(5)}×  after ${JSON.stringify(p.logBefore.slice(0, 60))}\n`));
}

function printKill(point: RecordedPoint, kill: KillRun): void {
  const failed = Object.keys(kill.failed);
  const outcome = !kill.landed ? `not reached${kill.skipped ? `: ${kill.skipped.replace(/^.*?: /, '')}` : ''}` : failed.length > 0 ? `FAIL ${failed.join(', ')}` : `held${kill.late ? ' (landed just after the call)' : ''}`;
  process.stdout.write(`kill    ${point.component} at ${`${point.key} #${kill.occurrence}`.padEnd(52)} ${outcome.padEnd(20)} run ${kill.runId}\n`);
}

// Components to trace and kill: --components, else the scenario's chaos targets, else every killable one.
function chosenComponents(scenario: ReturnType<typeof loadScenario>['scenario'], names: string | undefined): Map<string, string[]> {
  const patterns = names?.split(',').map((n) => n.trim()).filter(Boolean);
  for (const name of patterns ?? []) {
    if (matchTargets(scenario.components, [name]).length === 0) {
      throw new ScenarioError(`--components: "${name}" is no killable component of "${scenario.name}" (${scenario.components.filter((c) => c.killable).map((c) => c.name).join(', ')})`);
    }
  }
  const instances = matchTargets(scenario.components, patterns ?? scenario.chaos?.targets);
  const byComponent = new Map<string, string[]>();
  for (const instance of instances) byComponent.set(componentOfInstance(instance), [...(byComponent.get(componentOfInstance(instance)) ?? []), instance]);
  return byComponent;
}
