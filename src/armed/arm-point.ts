// Arms a kill at one point (a syscall on files of one shape) on its k-th occurrence: strace holds every
// call of that syscall at its entry for a few ms, after writing the entry; the k-th one at the point is
// killed while held, so it never runs. A call that ran before we could act is reported as landing late.
import { readFileSync } from 'node:fs';
import { HarnessError, SystemError } from '../errors.js';
import type { ProcessIdentity } from '../process/index.js';
import { parseCallEntry, type CallEntry } from './call-entry.js';
import { atPoint, type KillPoint } from './points.js';
import { checkArmedKillSupport } from './support.js';
import { startTracer } from './tracer.js';

/** How long each call of the point's syscall is held at its entry while armed: the time we have to decide. */
export const POINT_HOLD_US = 20_000;

export interface ArmPointOptions {
  /** every live pid of every instance that may reach the point */
  pids: number[];
  point: KillPoint;
  /** 1 = the first call at the point after arming */
  occurrence: number;
  /** paths inside it are matched relative to it (as points are recorded) */
  runDir?: string;
  boundMs: number;
  /** kills (the group of) `pid`, synchronously, while its call is held; false when it could not */
  kill(pid: number): boolean;
}

/** How a point kill ended; `late`: the call had already run when the kill landed (just after it). */
export type PointOutcome =
  | { fired: true; atMs: number; syscall: string; path: string; tid: number; pid: number; late: boolean }
  | { fired: false; reason: string; seen: number };

export interface ArmedPoint {
  tracer: ProcessIdentity;
  /** never rejects */
  outcome: Promise<PointOutcome>;
  disarm(): Promise<void>;
}

/** Arms `pids` for the point's k-th occurrence; SystemError (exit 3) when strace or ptrace is missing. */
export function armPoint(options: ArmPointOptions): ArmedPoint {
  if (options.pids.length === 0) throw new HarnessError('armPoint: no pid to arm (the target has no live process)');
  const support = checkArmedKillSupport();
  if (!support.ok) throw new SystemError(support.reason);
  const seen = new Set<string>();
  let settle!: (outcome: PointOutcome) => void;
  let settled = false;
  const outcome = new Promise<PointOutcome>((resolve) => (settle = (o) => { if (!settled) { settled = true; resolve(o); } }));
  let stopReason = 'the target exited while armed';
  const consider = (line: string, finished: boolean): void => {
    const call = parseCallEntry(line);
    if (settled || !call || !atPoint(call, options.point, options.runDir)) return;
    const key = `${call.tid} ${call.atMs}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (seen.size < options.occurrence) return;
    land(call, finished);
  };
  const land = (call: CallEntry, late: boolean): void => {
    const pid = ownerOf(call.tid);
    if (pid === undefined || !options.kill(pid)) return;
    settle({ fired: true, atMs: call.atMs, syscall: call.syscall, path: call.paths.join(' -> '), tid: call.tid, pid, late });
    void tracer.detach();
  };
  const tracer = startTracer(support.strace, { pids: options.pids, syscalls: [options.point.syscall], signal: '', delayEnterUs: POINT_HOLD_US }, {
    onTrace: (event) => { if (event.kind === 'call') consider(event.line, true); },
    onPartial: (line) => consider(line, false),
    onMessage: () => undefined,
  });
  const bound = setTimeout(() => { stopReason = `occurrence ${options.occurrence} not reached within ${options.boundMs} ms`; void tracer.detach(); }, options.boundMs);
  void tracer.exited.then(() => {
    clearTimeout(bound);
    settle({ fired: false, reason: stopReason, seen: seen.size });
  });
  return {
    tracer: tracer.identity,
    outcome,
    disarm: async () => {
      stopReason = 'disarmed';
      await tracer.detach();
    },
  };
}

// The thread is held by strace, so its process is still there to be named.
function ownerOf(tid: number): number | undefined {
  try {
    const tgid = /^Tgid:\s+(\d+)/m.exec(readFileSync(`/proc/${tid}/status`, 'utf8'))?.[1];
    return tgid ? Number(tgid) : undefined;
  } catch {
    return undefined;
  }
}
