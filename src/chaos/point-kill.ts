// A kill at a point: every instance of a component is armed for one syscall on files of one shape, and
// the instance that makes its k-th such call dies holding it. Not reached before the quiet period: skipped.
import type { ProcessIdentity } from '../process/index.js';
import type { FaultOrder, InjectContext } from './inject.js';
import type { PointFault } from './schedule.js';

/** Where a point kill landed (which instance, which call), or why it did not. */
export type PointKillOutcome =
  | { fired: true; instance: string; pid: number; atMs: number; syscall: string; path: string; tid: number; late: boolean }
  | { fired: false; reason: string };

/** What to arm: the running groups that may reach the point; `claim` marks an instance's next exit as ours and gives its group. */
export interface PointKillRequest {
  groups: { instance: string; group: ProcessIdentity }[];
  point: PointFault;
  boundMs: number;
  claim(instance: string): ProcessIdentity | undefined;
  stopped: AbortSignal;
}

export type ArmPointKill = (request: PointKillRequest) => Promise<PointKillOutcome>;

/** Carries out a point kill and records it: injected with where it landed, or skipped with why. */
export async function pointKill(order: FaultOrder, point: PointFault, context: InjectContext): Promise<void> {
  if (!context.armPoint) return skipped(order, context, 'kills at a point are not available in this run');
  const groups = point.among.flatMap((instance) => {
    const group = context.victims.group(instance);
    return group ? [{ instance, group }] : [];
  });
  if (groups.length === 0) return skipped(order, context, `no instance of ${order.target} is running`);
  const armedMs = context.now();
  // A point is waited for until the quiet period, not arm_timeout: the search is for that call.
  const boundMs = Math.max(0, context.armUntilMs - armedMs - 50);
  const outcome = await context.armPoint({ groups, point, boundMs, stopped: context.stopped, claim: (instance) => context.victims.expectKill(instance) });
  if (!outcome.fired) return skipped(order, context, `${point.syscall} ${point.path}: ${outcome.reason}`);
  const t = Math.min(context.now(), context.now() - (Date.now() - outcome.atMs));
  context.record({ type: 'fault.injected', t: Number.isFinite(t) ? t : context.now(), seq: order.seq, instance: outcome.instance, pid: outcome.pid, signal: 'SIGKILL',
    scheduledMs: order.scheduledMs, kind: 'kill',
    armed: { armedMs, nth: point.occurrence, syscall: outcome.syscall, path: outcome.path, tid: outcome.tid, fellBack: null,
      point: `${point.syscall} ${point.path}`, ...(outcome.late ? { late: true } : {}) } });
}

// Recorded here rather than through inject.ts, which imports this module.
function skipped(order: FaultOrder, context: InjectContext, reason: string): void {
  context.record({ type: 'fault.skipped', t: context.now(), seq: order.seq, instance: order.target, reason, scheduledMs: order.scheduledMs });
}
