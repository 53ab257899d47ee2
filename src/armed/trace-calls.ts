// Watches a group's persistence calls without touching them: the recording a kill-point search starts from.
// The same strace as an armed kill, with no injection; the tracees only pay the tracing while it lasts.
import { HarnessError, SystemError } from '../errors.js';
import type { ProcessIdentity } from '../process/index.js';
import { parseCallEntry, type CallEntry } from './call-entry.js';
import { checkArmedKillSupport } from './support.js';
import { startTracer } from './tracer.js';

/** What to watch. */
export interface TraceCallsOptions {
  /** every live pid to watch; their threads and new children are covered */
  pids: number[];
  syscalls: readonly string[];
  /** every call, in the order strace printed their entries */
  onCall(call: CallEntry): void;
}

/** A running trace: strace's identity (for the keeper) and how to end it. */
export interface CallTrace {
  tracer: ProcessIdentity;
  /** detaches (the tracees keep running) and resolves once every call seen has been delivered */
  stop(): Promise<void>;
}

/** Starts watching `pids`; SystemError (exit 3) when strace or ptrace permission is missing. */
export function traceCalls(options: TraceCallsOptions): CallTrace {
  if (options.pids.length === 0) throw new HarnessError('traceCalls: no pid to trace');
  const support = checkArmedKillSupport();
  if (!support.ok) throw new SystemError(support.reason);
  const tracer = startTracer(support.strace, { pids: options.pids, syscalls: options.syscalls, signal: '' }, {
    onTrace: (event) => {
      const call = event.kind === 'call' ? parseCallEntry(event.line) : undefined;
      if (call) options.onCall(call);
    },
    onMessage: () => undefined,
  });
  return { tracer: tracer.identity, stop: () => tracer.detach() };
}
