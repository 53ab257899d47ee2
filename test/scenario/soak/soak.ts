// The scenario soak: hundreds of seeded mutants of the valid scenarios, each validated in a worker thread
// watched by a time bound; every mutant must pass or be refused with located lines, never crash or hang.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { mutate } from './mutate.js';
import type { Outcome, WorkerMessage } from './validate-worker.js';

export interface SoakOptions {
  /** valid scenario files to mutate, taken in turn */
  sources: string[];
  count: number;
  seed: number;
  /** folder the mutants are written to (kept, to read a failing one) */
  dir: string;
  /** a mutant still validating after this is a hang: the worker is stopped and the next one started */
  boundMs: number;
}

/** A mutant that crashed, hung or was refused without a location. */
export interface SoakFailure {
  file: string;
  outcome: Outcome | 'hang';
  message: string;
}

export interface SoakResult {
  counts: Record<Outcome | 'hang', number>;
  failures: SoakFailure[];
  slowest: { file: string; ms: number };
}

/** Writes `count` mutants and validates them all; resolves with what happened to each. */
export async function soakScenarios(options: SoakOptions): Promise<SoakResult> {
  const texts = options.sources.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const files = Array.from({ length: options.count }, (_, index) => {
    const source = texts[index % texts.length];
    const seed = options.seed * 1_000_003 + index;
    const file = path.relative(process.cwd(), path.join(options.dir, `${path.basename(source.file, '.yml')}-${seed}.yml`));
    writeFileSync(file, mutate(source.text, seed));
    return { index, file };
  });
  const result: SoakResult = { counts: { pass: 0, refused: 0, unlocated: 0, crashed: 0, hang: 0 }, failures: [], slowest: { file: '', ms: 0 } };
  let next = 0;
  while (next < files.length) next = await runWorker(files.slice(next), options.boundMs, result);
  return result;
}

// Runs until the files are done or one overruns the bound; returns the index to go on from.
function runWorker(files: { index: number; file: string }[], boundMs: number, result: SoakResult): Promise<number> {
  const worker = new Worker(new URL('./validate-worker.js', import.meta.url));
  const byIndex = new Map(files.map((f) => [f.index, f.file]));
  const last = files[files.length - 1].index;
  return new Promise((resolve, reject) => {
    let watchdog: NodeJS.Timeout | undefined;
    worker.on('message', (message: WorkerMessage) => {
      clearTimeout(watchdog);
      const file = byIndex.get(message.index)!;
      if (message.type === 'start') {
        watchdog = setTimeout(() => {
          result.counts.hang += 1;
          result.failures.push({ file, outcome: 'hang', message: `still validating after ${boundMs} ms` });
          void worker.terminate().then(() => resolve(message.index + 1));
        }, boundMs);
        return;
      }
      result.counts[message.outcome] += 1;
      if (message.ms > result.slowest.ms) result.slowest = { file, ms: message.ms };
      if (message.outcome === 'crashed' || message.outcome === 'unlocated') result.failures.push({ file, outcome: message.outcome, message: message.message });
      if (message.index === last) void worker.terminate().then(() => resolve(last + 1));
    });
    worker.on('error', reject);
    worker.postMessage(files);
  });
}
