// Carries out one fault on a running system and records what happened: a kill (now, or armed for the
// next persistence syscall), a pause (SIGSTOP, then SIGCONT), or a power loss of a volume.
import { sleep } from '../common/index.js';
import { killGroup, waitGroupGone, type ProcessIdentity } from '../process/index.js';
import type { ArmedLanding, RunEvent } from '../store/index.js';
import type { FaultSpec } from './schedule.js';
import type { PoweredVolume, Victims } from './victims.js';
import { pointKill, type ArmPointKill } from './point-kill.js';

/** Where an armed kill landed, as the tracer saw it (atMs: the call's entry, ms since the epoch); `fired: false` when it did not land in time. */
export type ArmOutcome =
  | { fired: true; atMs: number; syscall: string; path: string | null; tid: number }
  | { fired: false; reason: string };

/** Arms every process of a group: at its nth persistence syscall the whole group gets the signal; or nothing within boundMs. */
export type ArmKill = (options: ArmRequest) => Promise<ArmOutcome>;

/** What to arm: a group, the call it lands on, the signal it gets there (SIGKILL, or SIGSTOP for a pause). */
export interface ArmRequest {
  group: ProcessIdentity;
  boundMs: number;
  /** the nth call of one of the syscalls (1 = the next) */
  nth: number;
  signal: 'SIGKILL' | 'SIGSTOP';
  /** aborted when chaos stops: disarm */
  stopped: AbortSignal;
}

/** Everything a fault needs besides itself. */
export interface InjectContext {
  victims: Victims;
  record: (event: RunEvent) => void;
  now: () => number;
  /** the volume an instance writes to (power loss) */
  volumeOf: (instance: string) => PoweredVolume | undefined;
  armKill: ArmKill;
  /** arms a kill at a point (faults with `point`); absent: such faults are skipped */
  armPoint?: ArmPointKill;
  armBoundMs: number;
  /** run-relative: no armed fault may land from here on (the quiet period) */
  armUntilMs: number;
  /** aborted when chaos stops: armed kills disarm, paused groups continue at once */
  stopped: AbortSignal;
}

/** One fault to carry out now: its number, target, kind and, for a triggered one, what triggered it. */
export interface FaultOrder {
  seq: number;
  target: string;
  fault: FaultSpec;
  scheduledMs: number;
  trigger?: string;
}

/** Carries out a fault; resolves when it is over (a pause continued, a volume mounted again). */
export async function inject(order: FaultOrder, context: InjectContext): Promise<void> {
  const { fault } = order;
  if (fault.kind === 'pause') return pause(order, fault.durationMs, context);
  if (fault.kind === 'power-loss') return powerLoss(order, context);
  if (fault.point) return pointKill(order, fault.point, context);
  if (fault.at === 'persistence') return armedKill(order, context);
  return plainKill(order, context);
}

function skipped(order: FaultOrder, context: InjectContext, reason: string): void {
  context.record({ type: 'fault.skipped', t: context.now(), seq: order.seq, instance: order.target, reason, scheduledMs: order.scheduledMs });
}

function injected(order: FaultOrder, context: InjectContext, pid: number, signal: string, extra: Partial<Extract<RunEvent, { type: 'fault.injected' }>> = {}, t = context.now()): void {
  const trigger = order.trigger ? { trigger: order.trigger } : {};
  context.record({ type: 'fault.injected', t, seq: order.seq, instance: order.target, pid, signal, scheduledMs: order.scheduledMs,
    kind: order.fault.kind, ...trigger, ...extra });
}

function plainKill(order: FaultOrder, context: InjectContext, armed?: ArmedLanding): void {
  const outcome = context.victims.kill(order.target);
  if (outcome.fired) injected(order, context, outcome.pid, 'SIGKILL', armed ? { armed } : {});
  else skipped(order, context, outcome.reason);
}

// Attach when armed: processes never armed pay nothing. The tracer kills the one process that made the
// call, before the call takes effect; the rest of its group dies with it, as in a crash.
async function armedKill(order: FaultOrder, context: InjectContext): Promise<void> {
  const group = context.victims.expectKill(order.target);
  if (!group) return skipped(order, context, `${order.target} is not running`);
  const armed = await arm(order, context, group, 'SIGKILL');
  if ('fired' in armed) return injected(order, context, group.pid, 'SIGKILL', { armed: armed.landing }, armed.t);
  context.victims.forgiveKill(order.target);
  if ('skip' in armed) return skipped(order, context, armed.skip);
  plainKill(order, context, armed.landing);
}

// SIGSTOP freezes every process of the group, as a long GC pause or a stalled VM would; leases run out
// meanwhile. Armed, the stop lands just after a persistence call, in the middle of the work it belongs to.
async function pause(order: FaultOrder, durationMs: number, context: InjectContext): Promise<void> {
  const group = context.victims.group(order.target);
  if (!group) return skipped(order, context, `${order.target} is not running`);
  const armed = order.fault.kind === 'pause' && order.fault.at === 'persistence' ? await arm(order, context, group, 'SIGSTOP') : undefined;
  if (armed && 'skip' in armed) return skipped(order, context, armed.skip);
  if (armed && 'fired' in armed) injected(order, context, group.pid, 'SIGSTOP', { armed: armed.landing }, armed.t);
  else if (killGroup(group, 'SIGSTOP') === 'killed') injected(order, context, group.pid, 'SIGSTOP', armed ? { armed: armed.landing } : {});
  else return skipped(order, context, `${order.target} already exited`);
  const stoppedAt = context.now();
  await sleep(durationMs, context.stopped).catch(() => undefined);
  const resumed = killGroup(group, 'SIGCONT') === 'killed';
  context.record({ type: 'fault.healed', t: context.now(), seq: order.seq, instance: order.target,
    detail: resumed ? `continued after ${Math.round(context.now() - stoppedAt)} ms` : 'gone before it was continued' });
}

/** How an armed fault ended: it landed (the group already has the signal), it fell back, or it must be skipped. */
type Armed = { fired: true; landing: ArmedLanding; t: number } | { fellBack: true; landing: ArmedLanding } | { skip: string };

// Arms the group for the fault's nth persistence call; the whole group gets `signal` when it lands.
async function arm(order: FaultOrder, context: InjectContext, group: ProcessIdentity, signal: ArmRequest['signal']): Promise<Armed> {
  const armedMs = context.now();
  const nth = order.fault.kind !== 'power-loss' ? order.fault.nth ?? 1 : 1;
  const boundMs = armBound(context);
  const outcome = await context.armKill({ group, boundMs, nth, signal, stopped: context.stopped });
  if (outcome.fired) {
    return { fired: true, landing: { armedMs, nth, syscall: outcome.syscall, path: outcome.path, tid: outcome.tid, fellBack: null }, t: landedAt(outcome.atMs, context) };
  }
  if (context.stopped.aborted) return { skip: 'chaos stopped while it was armed' };
  // Cut short by the quiet period, not by arm_timeout: a fault now would land where no recovery can be judged.
  if (boundMs < context.armBoundMs) return { skip: `no persistence call before the quiet period (armed ${Math.round(boundMs)} ms)` };
  return { fellBack: true, landing: { armedMs, nth, syscall: null, path: null, tid: null, fellBack: outcome.reason } };
}

// The file system is shut down without flushing, every user of the volume is killed, the volume is
// mounted again (journal recovery) and only then are the users restarted.
async function powerLoss(order: FaultOrder, context: InjectContext): Promise<void> {
  const volume = context.volumeOf(order.target);
  if (!volume) return skipped(order, context, `${order.target} has no volume`);
  const groups = volume.users.flatMap((instance) => {
    const identity = context.victims.expectKill(instance);
    return identity ? [{ instance, identity }] : [];
  });
  let remounted: () => void = () => undefined;
  context.victims.holdRestarts(groups.map((g) => g.instance), new Promise<void>((resolve) => { remounted = resolve; }));
  try {
    await volume.cutPower();
    for (const g of groups) killGroup(g.identity, 'SIGKILL');
    const target = groups.find((g) => g.instance === order.target) ?? groups[0];
    injected(order, context, target?.identity.pid ?? 0, 'SIGKILL', { victims: groups.map((g) => g.instance) });
    await Promise.all(groups.map((g) => waitGroupGone(g.identity.pgid)));
    const { totalMs } = await volume.remount();
    context.record({ type: 'fault.healed', t: context.now(), seq: order.seq, instance: order.target, detail: `${volume.mountpoint} mounted again in ${Math.round(totalMs)} ms` });
  } finally {
    remounted();
  }
}

// The run-relative moment the tracer saw the call entered: the fault happened then, not when we read about it.
function landedAt(epochMs: number, context: InjectContext): number {
  const t = context.now() - (Date.now() - epochMs);
  return Number.isFinite(t) ? Math.min(t, context.now()) : context.now();
}

// Armed faults wait at most arm_timeout, and never into the quiet period.
function armBound(context: InjectContext): number {
  return Math.round(Math.max(0, Math.min(context.armBoundMs, context.armUntilMs - context.now() - 50)));
}
