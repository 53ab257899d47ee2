// The scenario's setup commands: run once, in order, before any component starts; each must exit 0
// (else the run fails with exit 3 and the command's last output lines).
import { execa } from 'execa';
import { SystemError } from '../errors.js';
import type { LoadedScenario, ResolvedScenario } from '../scenario/index.js';
import type { RunRecorder } from '../store/index.js';

/** Runs every (resolved) setup command in the scenario's folder. */
export async function runSetup(loaded: LoadedScenario, resolved: ResolvedScenario, recorder: RunRecorder, now: () => number): Promise<void> {
  for (const command of resolved.setup) {
    const argv = typeof command === 'string' ? [command] : command;
    const shown = argv.join(' ');
    const started = now();
    const result = await execa(argv[0], argv.slice(1), {
      shell: typeof command === 'string', cwd: loaded.dir, reject: false, all: true, stdin: 'ignore', timeout: 10 * 60_000,
      env: { CRASHTEST_RUN_DIR: resolved.context.run.dir },
    });
    if (result.exitCode !== 0) {
      const tail = String(result.all ?? '').trim().split('\n').slice(-10).map((line) => `  | ${line}`).join('\n');
      throw new SystemError(`setup command failed (${result.timedOut ? 'timed out' : `exit ${result.exitCode ?? result.signal}`}): ${shown}`, tail || '  (no output)');
    }
    recorder.record({ type: 'run.note', t: now(), level: 'info', message: `setup: ${shown} (${Math.round(now() - started)} ms)` });
  }
}
