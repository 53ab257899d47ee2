// Arms a kill: the target dies at the entry of its next persistence call (before the call takes effect).
// strace attaches only when armed and detaches after, so a process that is never armed pays nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { SystemError, HarnessError } from '../errors.js';
import { killGroup, type ProcessIdentity } from '../process/index.js';
import { checkArmedKillSupport } from './support.js';
import { PERSISTENCE_SYSCALLS, PLAIN_WRITE_SYSCALLS } from './syscalls.js';
import { startTracer, type Tracer } from './tracer.js';
import type { StraceMessage, TraceEvent } from './trace-lines.js';

/** What to arm. */
export interface ArmOptions {
  /** every live pid of the target (e.g. groupMembers(pgid)); all their threads are covered, and their new children */
  pids: number[];
  /** the calls that fire it (default PERSISTENCE_SYSCALLS); write/writev only together with `paths` */
  syscalls?: readonly string[];
  /** give up (outcome `bound`) this many ms after arming when no call fired */
  boundMs: number;
  /** the signal sent to the calling thread's process (default SIGKILL; SIGSTOP makes an armed pause) */
  signal?: NodeJS.Signals;
  /** fire at the nth call of one syscall of the set (strace counts each syscall per thread); default 1, the first */
  nth?: number;
  /** the target's group leader: when given, the rest of its group gets `signal` as soon as the call fires */
  leader?: ProcessIdentity;
  /** only calls on these paths fire (strace -P, exact paths, fd arguments resolved), all others are ignored */
  paths?: readonly string[];
}

/** How an armed kill ended. Times are ms since the epoch; `atMs` is the call's entry time as strace saw it. */
export type ArmedOutcome =
  | { fired: true; armedAtMs: number; atMs: number; seenAtMs: number; syscall: string; path: string | undefined; pid: number | undefined; tid: number; line: string }
  | { fired: false; armedAtMs: number; endedAtMs: number; reason: 'bound' | 'exited' | 'disarmed' | 'failed'; message?: string };

/** Attach report: `ms` from arming until strace had attached to every pid. */
export type ArmedReady = { ok: true; ms: number } | { ok: false; message: string };

/** An armed target. */
export interface ArmedKill {
  /** strace's identity: its own process group, for OrphanReaper.adopt (killing it detaches, never kills, the tracees) */
  tracer: ProcessIdentity;
  armedAtMs: number;
  /** never rejects */
  ready: Promise<ArmedReady>;
  /** never rejects; settles once, the moment the call is seen or strace has gone */
  outcome: Promise<ArmedOutcome>;
  /** detaches strace (the tracees keep running) and resolves once it has exited; safe to call twice */
  disarm(): Promise<void>;
}

/** Arms `pids`: SystemError (exit 3) when strace or ptrace permission is missing. */
export async function armKill(options: ArmOptions): Promise<ArmedKill> {
  const syscalls = options.syscalls ?? PERSISTENCE_SYSCALLS;
  checkOptions(options, syscalls);
  const support = checkArmedKillSupport();
  if (!support.ok) throw new SystemError(support.reason);
  const signal = options.signal ?? 'SIGKILL';
  const armedAtMs = Date.now();
  const threads = threadOwners(options.pids);
  const state = new ArmState(options, armedAtMs, threads);
  const tracer = startTracer(support.strace, { pids: options.pids, syscalls, signal: signal.replace(/^SIG/, ''), paths: options.paths, nth: options.nth }, state);
  state.tracer = tracer;
  const bound = setTimeout(() => state.stop('bound'), options.boundMs);
  void tracer.exited.then(() => {
    clearTimeout(bound);
    state.finish();
  });
  return { tracer: tracer.identity, armedAtMs, ready: state.ready, outcome: state.outcome, disarm: () => state.stop('disarmed') };
}

function checkOptions(options: ArmOptions, syscalls: readonly string[]): void {
  if (options.pids.length === 0) throw new HarnessError('armKill: no pid to arm (the target has no live process)');
  const plain = syscalls.filter((s) => (PLAIN_WRITE_SYSCALLS as readonly string[]).includes(s));
  if (plain.length > 0 && !options.paths?.length) {
    throw new HarnessError(`armKill: ${plain.join(', ')} without paths would fire on the first log line or socket write`,
      'strace cannot tell a regular file from a pipe; pass paths (e.g. openRegularFiles(pids)) or drop them');
  }
}

/** tid → pid for every thread alive now, so a thread that dies at the call can still be named. */
function threadOwners(pids: number[]): Map<number, number> {
  const owners = new Map<number, number>();
  for (const pid of pids) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) owners.set(Number(tid), pid);
    } catch {
      // gone already: strace will say so
    }
  }
  return owners;
}

function ownerOf(tid: number, owners: Map<number, number>): number | undefined {
  if (owners.has(tid)) return owners.get(tid);
  try {
    return Number(/^Tgid:\s+(\d+)/m.exec(readFileSync(`/proc/${tid}/status`, 'utf8'))?.[1]);
  } catch {
    return undefined; // born after arming and already dead
  }
}

/** Everything one armed kill learns, in order; settles `ready` and `outcome` once each. */
class ArmState {
  tracer: Tracer | undefined;
  readonly ready: Promise<ArmedReady>;
  readonly outcome: Promise<ArmedOutcome>;
  private settleReady!: (ready: ArmedReady) => void;
  private settleOutcome!: (outcome: ArmedOutcome) => void;
  private readonly attached = new Set<number>();
  private readonly lastCall = new Map<number, Extract<TraceEvent, { kind: 'call' }>>();
  private readonly problems: string[] = [];
  private fired: Extract<ArmedOutcome, { fired: true }> | undefined;
  private stopReason: 'bound' | 'disarmed' | undefined;

  constructor(private readonly options: ArmOptions, private readonly armedAtMs: number, private readonly owners: Map<number, number>) {
    this.ready = new Promise((resolve) => (this.settleReady = resolve));
    this.outcome = new Promise((resolve) => (this.settleOutcome = resolve));
  }

  onMessage = (message: StraceMessage): void => {
    if (message.kind === 'attached') this.attached.add(message.pid);
    else if (message.kind === 'attach-failed') this.problems.push(`cannot attach to pid ${message.pid}: ${message.reason}`);
    else if (message.text.trim() && !/detached$/.test(message.text)) this.problems.push(message.text);
    if (this.options.pids.every((pid) => this.attached.has(pid))) this.settleReady({ ok: true, ms: Date.now() - this.armedAtMs });
    else if (this.problems.length > 0) this.settleReady({ ok: false, message: this.problems.join('; ') });
  };

  onTrace = (event: TraceEvent): void => {
    if (this.fired) return;
    // Past the first call, strace also prints the calls it let through: the one that fired is the last
    // call of the thread its signal reached (killed for SIGKILL, an injected signal line for SIGSTOP).
    if ((this.options.nth ?? 1) > 1) {
      if (event.kind === 'call') this.lastCall.set(event.tid, event);
      const reached = event.kind === 'killed' || event.kind === 'signalled' ? this.lastCall.get(event.tid) : undefined;
      if (reached) this.fire(reached);
      return;
    }
    if (event.kind === 'call') this.fire(event);
  };

  private fire(event: Extract<TraceEvent, { kind: 'call' }>): void {
    const { tid, atMs, syscall, path, line } = event;
    // The rest of the group shares the fate of the thread that made the call.
    if (this.options.leader) killGroup(this.options.leader, this.options.signal ?? 'SIGKILL');
    this.fired = { fired: true, armedAtMs: this.armedAtMs, atMs, seenAtMs: Date.now(), syscall, path, pid: ownerOf(tid, this.owners), tid, line };
    this.settleOutcome(this.fired);
    void this.stop(undefined);
  }

  /** Detaches strace; the outcome is decided once it has gone (a call may fire while it detaches). */
  async stop(reason: 'bound' | 'disarmed' | undefined): Promise<void> {
    this.stopReason ??= reason;
    await this.tracer?.detach();
  }

  finish(): void {
    const endedAtMs = Date.now();
    const message = this.problems.length > 0 ? this.problems.join('; ') : undefined;
    this.settleReady({ ok: false, message: message ?? 'strace exited before attaching to every pid' });
    if (this.fired) return;
    const reason = this.stopReason ?? (this.attached.size === 0 ? 'failed' : 'exited');
    this.settleOutcome({ fired: false, armedAtMs: this.armedAtMs, endedAtMs, reason, ...(message ? { message } : {}) });
  }
}
