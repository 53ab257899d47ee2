// What `crashtest run` does, loaded only when it runs: the run itself, its terminal lines, its verdict.
import { runScenario, type RunResult } from '../run/index.js';
import { formatDuration, describeChaos, loadScenario } from '../scenario/index.js';
import { loadFaults } from '../faults/index.js';
import { terminalReporter } from '../report/index.js';
import { printVerdicts } from './print-verdicts.js';
import { abortOnSignals } from './abort-signals.js';
import { checkDatabaseForRun, checkOutputFolder } from './path-options.js';

/** The flags of `run`, as commander hands them over. */
export interface RunFlags {
  seed?: number;
  duration?: number;
  interval?: number;
  out: string;
  db: string;
  chaos: boolean;
  verbose?: boolean;
  env?: Record<string, string>;
  /** --faults FILE: an explicit fault list replayed instead of the seeded schedule */
  faults?: string;
}

/** Runs the scenario in `file`, prints its verdict and sets the exit code. */
export async function run(file: string, flags: RunFlags): Promise<void> {
  checkOutputFolder('--out', flags.out);
  checkDatabaseForRun('--db', flags.db);
  const result = await runWithSignals(file, flags);
  process.exitCode = result.exitCode;
  // Every component is stopped and the verdict printed: whatever still holds a handle (a process that
  // escaped unseen keeping a pipe open), crashtest ends. Unref'd: a clean run exits at once.
  setTimeout(() => process.exit(), 2000).unref();
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
