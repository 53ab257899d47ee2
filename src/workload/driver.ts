// Runs the workload: starts an operation every 1/rate seconds (skipping a tick when `concurrency`
// are in flight) from its start until its stop time, and records each operation as invoked and as completed.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { seededRandom } from '../chaos/index.js';
import type { WorkloadSpec } from '../scenario/index.js';
import type { RunRecorder } from '../store/index.js';
import { perform } from './client.js';
import { commandTransport, httpTransport, type Transport } from './transport.js';

export interface WorkloadOptions {
  /** the workload, already interpolated (per-operation ${seq}, ${key}, ${uuid} still in place) */
  spec: WorkloadSpec;
  recorder: RunRecorder;
  /** performance.now() at run start */
  t0: number;
  /** run-relative times: first operation, and no new operation from stopMs on */
  startMs: number;
  stopMs: number;
  seed: number;
  cwd: string;
}

export interface Workload {
  /** stops starting operations and waits for those in flight (bounded by their TTL) */
  drain(): Promise<void>;
  /** aborts everything in flight, recording nothing more */
  abort(): void;
}

/** Starts the workload. */
export function startWorkload(options: WorkloadOptions): Workload {
  const { spec, recorder, t0 } = options;
  const now = (): number => performance.now() - t0;
  const transport = makeTransport(spec, options.cwd);
  const random = seededRandom((options.seed ^ 0x5eed) >>> 0);
  const abort = new AbortController();
  // Every operation in flight listens to this one signal: more than Node's default 10 is expected.
  setMaxListeners(0, abort.signal);
  const inFlight = new Set<Promise<void>>();
  let seq = 0;
  const tick = (): void => {
    if (now() >= options.stopMs || inFlight.size >= spec.concurrency) return;
    seq += 1;
    const key = spec.key.replaceAll('${seq}', String(seq));
    const op = { seq, key, uuid: randomUUID(), deadlineEpochMs: Date.now() + spec.ttl };
    // Recorded before the first attempt: an operation still in flight when the run is interrupted is not forgotten.
    recorder.record({ type: 'op.invoked', t: now(), seq, key });
    const done = perform(op, { transport, rules: { baseMs: spec.retry.base, capMs: spec.retry.cap }, attemptTimeoutMs: spec.retry.attempt_timeout, random, now, signal: abort.signal })
      .then((record) => { if (!abort.signal.aborted) recorder.record({ type: 'op.completed', t: record.endMs, op: record }); })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  let timer: NodeJS.Timeout | undefined;
  const starter = setTimeout(() => {
    tick();
    timer = setInterval(tick, 1000 / spec.rate);
  }, Math.max(0, options.startMs - now()));
  const stopStarting = (): void => { clearTimeout(starter); clearInterval(timer); };
  return {
    drain: async () => {
      stopStarting();
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    abort: () => { stopStarting(); abort.abort(); },
  };
}

function makeTransport(spec: WorkloadSpec, cwd: string): Transport {
  if (spec.http) return httpTransport(spec.http);
  return commandTransport({ command: spec.command!, rejectCodes: spec.reject_codes, cwd });
}
