// crashtest run <scenario.yml>: the kill -9 litmus test; prints events as they happen, ends with the verdict.
import { Option, type Command } from 'commander';
import { runScenario, type RunResult } from '../run/index.js';
import { parseDuration, formatDuration, describeChaos, loadScenario } from '../scenario/index.js';
import { loadFaults } from '../faults/index.js';
import { DEFAULT_DB } from '../store/index.js';
import { terminalReporter } from '../report/index.js';
import { ScenarioError } from '../errors.js';
import { printVerdicts } from './print-verdicts.js';
import { abortOnSignals } from './abort-signals.js';
import { collectEnv } from './env-option.js';
import { checkDatabaseForRun, checkOutputFolder } from './path-options.js';

interface RunFlags {
  seed?: number;
  duration?: number;
  interval?: number;
  out: string;
  db: string;
  chaos: boolean;
  verbose?: boolean;
  env?: Record<string, string>;
  faults?: string;
}

/** Registers `run`. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a scenario: start its components, kill them on a seeded schedule, check the invariants')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('--seed <n>', 'seed of the fault schedule (default: the scenario\'s, else random)', parseSeed)
    .option('--duration <time>', 'load and chaos phase, e.g. 30s or 2m (default: the scenario\'s)', durationOption('--duration'))
    .option('--interval <time>', 'time between kills, e.g. 500ms (default: the scenario\'s, else 10s)', durationOption('--interval'))
    .option('--out <dir>', 'folder for run output: <dir>/<run-id>/', 'reports')
    .option('--db <file>', 'results database', DEFAULT_DB)
    .addOption(new Option('--no-chaos', 'same run without faults: the baseline to compare against'))
    .option('-e, --env <NAME=VALUE>', 'extra environment for ${env.NAME} and every component (repeatable)', collectEnv)
    .option('--faults <file>', 'replay this fault list (YAML or JSON: at, target, kind, armed.nth or point) instead of the seeded schedule')
    .option('-v, --verbose', 'also print every workload operation and teardown exits')
    .addHelpText('after', `
Exit codes: 0 every invariant held · 1 an invariant failed · 2 bad scenario or usage ·
            3 the system under test failed to start · 4 internal error · 130 interrupted

Examples:
  $ crashtest run scenarios/converter.yml
  $ crashtest run scenarios/converter.yml --seed 42 --duration 30s --interval 2s
  $ crashtest run scenarios/converter.yml --no-chaos          # baseline without kills
  $ crashtest run scenarios/converter.yml --env CONVERTER_BUG=no-lease-expiry   # a planted bug
  $ crashtest run scenarios/converter.yml --faults faults.yml   # replay an explicit fault list (from shrink or explore)`)
    .action(async (file: string, flags: RunFlags) => {
      checkOutputFolder('--out', flags.out);
      checkDatabaseForRun('--db', flags.db);
      const result = await runWithSignals(file, flags);
      process.exitCode = result.exitCode;
      // Every component is stopped and the verdict printed: whatever still holds a handle (a process that
      // escaped unseen keeping a pipe open), crashtest ends. Unref'd: a clean run exits at once.
      setTimeout(() => process.exit(), 2000).unref();
    });
}

async function runWithSignals(file: string, flags: RunFlags): Promise<RunResult> {
  const abort = new AbortController();
  const stopListening = abortOnSignals(abort);
  let close = (): void => undefined;
  try {
    const faults = flags.faults !== undefined ? loadFaults(flags.faults, loadScenario(file)) : undefined;
    const result = await runScenario({
      file, env: flags.env, faults, faultsFile: flags.faults, seed: flags.seed, durationMs: flags.duration, intervalMs: flags.interval, chaos: flags.chaos,
      outRoot: flags.out, dbFile: flags.db, signal: abort.signal,
      onStart: ({ runId, outDir, settings, recorder, loaded }) => {
        const terminal = terminalReporter({ stream: process.stdout, verbose: flags.verbose, durationMs: settings.durationMs });
        close = terminal.close;
        recorder.onEvent(terminal.onEvent);
        const chaos = settings.faults ? `${settings.faults.length} faults from ${flags.faults}` : settings.chaos ? `${describeChaos(loaded.scenario.chaos!, settings.intervalMs)}, quiet for the last ${formatDuration(settings.quietMs)}` : 'no chaos';
        process.stdout.write(`crashtest: run ${runId} of "${loaded.scenario.name}" · seed ${settings.seed} · ${formatDuration(settings.durationMs)} · ${chaos}\n`);
        process.stdout.write(`           output in ${outDir}\n`);
      },
    });
    close();
    printVerdicts(result);
    return result;
  } finally {
    close();
    stopListening();
  }
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) throw new ScenarioError(`--seed: expected a whole number from 0 to ${2 ** 31 - 1}, got "${value}"`);
  return seed;
}

function durationOption(flag: string): (value: string) => number {
  return (value) => {
    const ms = parseDuration(value);
    if (ms === undefined || ms === 0) throw new ScenarioError(`${flag}: expected a duration like "500ms", "10s" or "2m", got "${value}"`);
    return ms;
  };
}
