// The litmus test, in order (each step is one call into a folder):
//   1. load      read and validate the scenario; nothing starts if it is wrong (exit 2)
//   2. record    open the results database, mark runs whose crashtest died as aborted, create this run
//   3. launch    mount volumes, check armed kills can work, run the setup commands, start every component in
//                its own process group and wait until each is ready (exit 3)
//   4. chaos     drive the workload, sample probes, fire the seeded faults (kill, armed kill, pause, power loss)
//                and the triggers until the quiet period
//   5. heal      chaos stops (paused groups continue, armed kills disarm), the workload drains, then
//                converging: the system must fix itself
//   6. stop      final probe readings, then kill every group we started, confirm none is left, unmount volumes
//   7. check     judge the recorded history (pure checkers), store the verdicts
//   8. report    status and exit code: 0 held, 1 violated
import { loadScenario, resolveScenario } from '../scenario/index.js';
import { openStore, markAbortedRuns, projectHistory, saveVerdicts, writeDerivedTables, escapedProcesses, type EscapedProcess, type History, type RunRecorder } from '../store/index.js';
import { Supervisor, sampleUsage } from '../supervisor/index.js';
import { OrphanReaper } from '../process/index.js';
import type { Nemesis } from '../chaos/index.js';
import { CrashtestError, ExitCode } from '../errors.js';
import { buildContext, planInstances } from './plan.js';
import { createRun } from './record.js';
import { runSetup } from './setup.js';
import { resolveSettings, type Overrides, type RunSettings } from './settings.js';
import { judge, type Judgement } from './judge.js';
import { startLoad, type Load } from './traffic.js';
import type { LoadedScenario } from '../scenario/index.js';
import { writeReports, type ReportPaths } from '../report/index.js';
import type Database from 'better-sqlite3';
import { sleepUntil } from '../common/index.js';
import { startChaos } from './chaos.js';
import { prepareArmedKills, preparePointKills } from './armed.js';
import { mountVolumes, type RunVolumes } from './volumes.js';
import { HarnessFailure } from './harness-failure.js';

export interface RunOptions extends Overrides {
  file: string;
  /** folder for run output; each run gets <outRoot>/<run-id>/ */
  outRoot: string;
  dbFile: string;
  /** sees every event after it is stored (the terminal) */
  onStart?: (info: { runId: string; outDir: string; settings: RunSettings; recorder: RunRecorder; loaded: LoadedScenario }) => void;
  /** aborts the run (Ctrl-C, SIGTERM): everything is stopped and the run is marked aborted */
  signal?: AbortSignal;
  /** watches the running system from launch to the quiet period (explore's recording); its stop() ends it */
  observe?: (system: { supervisor: Supervisor; reaper: OrphanReaper; outDir: string; now: () => number }) => { stop(): Promise<void> };
}

export interface RunResult {
  runId: string;
  outDir: string;
  exitCode: number;
  status: 'passed' | 'failed' | 'error' | 'aborted';
  judgement?: Judgement;
  error?: CrashtestError;
  /** paths of report.html, report.json, junit.xml */
  reports?: ReportPaths;
  /** why the reports could not be written */
  reportError?: string;
  /** processes that had left their component's process group, found and killed */
  escaped?: EscapedProcess[];
}

/** Runs a scenario end to end and returns its verdict; throws only for bad input (before anything starts). */
export async function runScenario(options: RunOptions): Promise<RunResult> {
  const loaded = loadScenario(options.file);
  const settings = resolveSettings(loaded.scenario, options);
  const db = openStore(options.dbFile);
  markAbortedRuns(db);
  const { recorder, outDir } = createRun(db, loaded, settings, options.outRoot);
  const harness = new HarnessFailure(options.signal);
  recorder.onFailure(harness.fail);
  const values = await buildContext(loaded, { dir: outDir, id: recorder.runId }, settings.env);
  const resolved = withRunMarkedOnError(recorder, db, () => resolveScenario(loaded, values));
  const plans = withRunMarkedOnError(recorder, db, () => planInstances(resolved, settings.env));
  const t0 = performance.now();
  const now = (): number => performance.now() - t0;
  options.onStart?.({ runId: recorder.runId, outDir, settings, recorder, loaded });
  recorder.record({ type: 'run.started', t: 0, runId: recorder.runId, seed: settings.seed, chaos: settings.chaos });
  const reaper = new OrphanReaper();
  const supervisor = new Supervisor(plans, recorder, { logsDir: `${outDir}/logs`, t0, reaper, onFailure: harness.fail });
  const stopUsage = sampleUsage(supervisor, recorder, t0);
  let volumes: RunVolumes | undefined;
  let nemesis: Nemesis | undefined;
  let load: Load | undefined;
  let observer: { stop(): Promise<void> } | undefined;
  let failure: CrashtestError | undefined;
  try {
    recorder.record({ type: 'run.phase', t: now(), phase: 'starting' });
    volumes = await mountVolumes(resolved, { runId: recorder.runId, reaper });
    const armKill = settings.chaos ? prepareArmedKills(loaded.scenario.chaos, reaper, settings.faults) : undefined;
    await runSetup(loaded, resolved, recorder, now);
    await supervisor.startAll();
    observer = options.observe?.({ supervisor, reaper, outDir, now });
    const loadStartMs = Math.ceil(now());
    const quietStartMs = loadStartMs + settings.durationMs - settings.quietMs;
    recorder.record({ type: 'run.window', t: now(), chaosStartMs: loadStartMs + settings.startAfterMs, quietStartMs });
    recorder.record({ type: 'run.phase', t: now(), phase: 'chaos' });
    load = startLoad({ loaded, resolved, recorder, t0, loadStartMs, quietStartMs, endMs: loadStartMs + settings.durationMs, seed: settings.seed });
    const armPoint = preparePointKills(reaper, outDir);
    if (armKill) nemesis = startChaos({ loaded, settings, supervisor, recorder, volumes, armKill, armPoint, t0, loadStartMs });
    await sleepUntil(t0 + quietStartMs, harness.signal);
    await nemesis?.stop();
    await observer?.stop();
    recorder.record({ type: 'run.phase', t: now(), phase: 'quiet' });
    await load.stopWorkload(harness.signal);
    recorder.record({ type: 'run.phase', t: now(), phase: 'converging' });
    await sleepUntil(t0 + loadStartMs + settings.durationMs, harness.signal);
    recorder.record({ type: 'run.phase', t: now(), phase: 'stopping' });
    await load.finalProbes();
  } catch (error) {
    failure = harness.error ?? asCrashtestError(error, options.signal);
  } finally {
    await nemesis?.stop();
    await observer?.stop();
    await load?.stop();
    stopUsage();
    await supervisor.stopAll();
    await volumes?.release();
    reaper.close();
  }
  failure ??= harness.error; // e.g. the disk filled up during the teardown
  const aborted = options.signal?.aborted === true;
  if (failure || aborted) {
    const status = aborted ? 'aborted' : 'error';
    const exitCode = aborted ? 130 : failure!.exitCode;
    recorder.record({ type: 'run.finished', t: now(), status, exitCode });
    const reports = await report(db, recorder.runId, projectHistory(recorder.info, recorder.events));
    return { runId: recorder.runId, outDir, exitCode, status, error: aborted ? undefined : failure, escaped: escapedProcesses(recorder.events), ...reports };
  }
  recorder.record({ type: 'run.phase', t: now(), phase: 'checking' });
  // Judged on the live stream; `crashtest check` projects the same History from the stored copy.
  const history = projectHistory(recorder.info, recorder.events);
  const judgement = judge(history, loaded.scenario);
  saveVerdicts(db, recorder.runId, judgement.verdicts);
  const exitCode = judgement.valid === true ? ExitCode.pass : ExitCode.violated;
  recorder.record({ type: 'run.phase', t: now(), phase: 'done' });
  recorder.record({ type: 'run.finished', t: now(), status: exitCode === 0 ? 'passed' : 'failed', exitCode });
  const reports = await report(db, recorder.runId, history);
  return { runId: recorder.runId, outDir, exitCode, status: exitCode === 0 ? 'passed' : 'failed', judgement, escaped: escapedProcesses(recorder.events), ...reports };
}

// Every run ends with its derived tables (rows of the History already projected) and its reports (HTML,
// JSON, JUnit), built from the database alone; a failure to write them is reported but never changes the verdict.
async function report(db: Database.Database, runId: string, history: History): Promise<Pick<RunResult, 'reports' | 'reportError'>> {
  try {
    writeDerivedTables(db, history);
    return { reports: await writeReports({ db, runId }) };
  } catch (error) {
    return { reportError: (error as Error).message };
  } finally {
    db.close();
  }
}

// A preset whose server is missing fails before anything starts: the run is closed as an error, then the error goes up.
function withRunMarkedOnError<T>(recorder: RunRecorder, db: { close(): void }, body: () => T): T {
  try {
    return body();
  } catch (error) {
    recorder.record({ type: 'run.finished', t: 0, status: 'error', exitCode: error instanceof CrashtestError ? error.exitCode : ExitCode.internal });
    db.close();
    throw error;
  }
}

function asCrashtestError(error: unknown, signal?: AbortSignal): CrashtestError | undefined {
  if (signal?.aborted) return undefined;
  if (error instanceof CrashtestError) return error;
  return new CrashtestError(`internal error: ${(error as Error)?.stack ?? error}`, ExitCode.internal);
}
