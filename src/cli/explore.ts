// crashtest explore <scenario>: kill-point coverage. Records the persistence calls of a run without
// faults, kills at each point in a run of its own, prints coverage and the replay command of each failure.
import type { Command } from 'commander';
import { explore, writeExplore, type KillRun, type RecordedPoint } from '../explore/index.js';
import { loadScenario, matchTargets, parseDuration, formatDuration } from '../scenario/index.js';
import { componentOfInstance } from '../common/index.js';
import { DEFAULT_DB } from '../store/index.js';
import { ScenarioError } from '../errors.js';

interface ExploreFlags {
  components?: string;
  budget: number;
  seed?: number;
  duration?: number;
  occurrences?: number;
  env?: Record<string, string>;
  out: string;
  db: string;
}

/** Registers `explore`. */
export function registerExplore(program: Command): void {
  program
    .command('explore')
    .description('kill-point coverage: record every persistence call, then kill at each point in a run of its own')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('--components <names>', 'components to trace and kill, comma-separated (default: the chaos targets, else every killable one)')
    .option('--budget <time>', 'stop starting kill runs after this long', durationFlag('--budget'), 10 * 60_000)
    .option('--seed <n>', 'seed of the workload (default: the scenario\'s)', (v) => wholeNumber('--seed', v, 0))
    .option('--duration <time>', 'each run\'s load phase, quiet period included (default: the scenario\'s)', durationFlag('--duration'))
    .option('--occurrences <n>', 'kill at most the first n occurrences of each point (default: as many as recorded)', (v) => wholeNumber('--occurrences', v, 1))
    .option('-e, --env <NAME=VALUE>', 'extra environment for ${env.NAME} and every component (repeatable)', collectEnv)
    .option('--out <dir>', 'folder for every run, and explore-<id>/ with explore.html, explore.json and the fault lists', 'reports')
    .option('--db <file>', 'results database: the recording and every kill run are stored there', DEFAULT_DB)
    .addHelpText('after', `
Exit codes: 0 no point failed · 1 a kill at some point made an invariant fail (or the system fails without faults) ·
            2 bad scenario or usage · 3 strace or ptrace missing, or the system failed to start

Examples:
  $ crashtest explore test/fixtures/scenarios/converter-armed-small.yml --components worker --env CONVERTER_BUG=non-atomic-write
  $ crashtest explore scenarios/converter.yml --budget 10m --duration 20s
  $ crashtest explore my-system.yml --components api,worker --occurrences 1   # first occurrences only`)
    .action(async (file: string, flags: ExploreFlags) => {
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
    });
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

function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ScenarioError(`${flag}: expected a whole number of at least ${min}, got "${value}"`);
  return n;
}

function durationFlag(flag: string): (value: string) => number {
  return (value) => {
    const ms = parseDuration(value);
    if (ms === undefined || ms === 0) throw new ScenarioError(`${flag}: expected a duration like "90s" or "10m", got "${value}"`);
    return ms;
  };
}

function collectEnv(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new ScenarioError(`--env: expected NAME=VALUE, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}
