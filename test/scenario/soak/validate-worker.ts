// Worker thread of the scenario soak: validates each file as `crashtest validate` does and reports how it
// ended; runs apart from the soak's main thread so that a hang can be seen and the worker stopped.
import { parentPort } from 'node:worker_threads';
import { dryValues, loadScenario, resolveScenario } from '../../../src/scenario/index.js';
import { ScenarioError } from '../../../src/errors.js';

/** How validating one file ended: passed, refused with every line located, or anything else (a defect). */
export type Outcome = 'pass' | 'refused' | 'unlocated' | 'crashed';

/** What the worker reports per file. */
export type WorkerMessage = { type: 'start'; index: number } | { type: 'done'; index: number; outcome: Outcome; ms: number; message: string };

/** A line of a ScenarioError is located when it starts with the file and a line:col (or names the file alone, for its size). */
export function located(line: string, file: string): boolean {
  return line.startsWith(`${file}:`) && /^:\d+:\d+ \S/.test(line.slice(file.length)) || line.startsWith(`${file}: the file is `);
}

// `file` is relative to the working directory, as messages show it.
function validate(file: string): { outcome: Outcome; message: string } {
  try {
    const loaded = loadScenario(file);
    resolveScenario(loaded, dryValues(loaded.scenario, loaded.dir, {}));
    return { outcome: 'pass', message: '' };
  } catch (error) {
    if (!(error instanceof ScenarioError)) return { outcome: 'crashed', message: (error as Error)?.stack ?? String(error) };
    const lines = error.detail ? error.detail.split('\n') : [error.message];
    return { outcome: lines.every((line) => located(line, file)) ? 'refused' : 'unlocated', message: [error.message, ...(error.detail ? [error.detail] : [])].join('\n') };
  }
}

parentPort?.on('message', (files: { index: number; file: string }[]) => {
  for (const { index, file } of files) {
    parentPort!.postMessage({ type: 'start', index } satisfies WorkerMessage);
    const started = performance.now();
    const { outcome, message } = validate(file);
    parentPort!.postMessage({ type: 'done', index, outcome, ms: performance.now() - started, message } satisfies WorkerMessage);
  }
});
