// Plays a fault schedule against the running system in real time, plus the faults its triggers fire,
// and records each fault as fired or skipped. Stopping heals: armed kills disarm, paused groups continue.
import { inject, type FaultOrder, type InjectContext } from './inject.js';
import type { PlannedFault } from './schedule.js';

/** A trigger as the nemesis sees it: which faults it may still fire and what they do. */
export interface Trigger {
  /** e.g. "log /renamed/ on worker" */
  label: string;
  /** component instances it may hurt */
  targets: readonly string[];
  fault: FaultOrder['fault'];
  max: number;
}

export interface Nemesis {
  /** a trigger saw its cue on `instance` (or any target when undefined): fire, if it has faults left */
  cue(trigger: Trigger, instance?: string): void;
  /** cancels the faults not fired yet and heals those in progress; resolves when every fault is over */
  stop(): Promise<void>;
}

export interface NemesisOptions extends Omit<InjectContext, 'stopped'> {
  schedule: readonly PlannedFault[];
  /** performance.now() at run start; schedule times are relative to it */
  t0: number;
}

/** Starts firing `schedule`. */
export function startNemesis(options: NemesisOptions): Nemesis {
  const { schedule, t0 } = options;
  const controller = new AbortController();
  const context: InjectContext = { ...options, stopped: controller.signal };
  const timers = new Map<number, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const fired = new Map<Trigger, number>();
  let nextSeq = schedule.reduce((max, f) => Math.max(max, f.seq), 0) + 1;
  const start = (order: FaultOrder): void => {
    const done = inject(order, context).catch((error) => {
      options.record({ type: 'run.note', t: options.now(), level: 'warn', message: `fault ${order.seq} on ${order.target} failed: ${(error as Error).message}` });
    }).finally(() => running.delete(done));
    running.add(done);
  };
  schedule.forEach((fault) => {
    const fire = (): void => {
      const t = performance.now() - t0;
      // Timers may fire up to a millisecond early; never hurt anything before the scheduled time.
      if (t < fault.atMs) {
        timers.set(fault.seq, setTimeout(fire, fault.atMs - t));
        return;
      }
      start({ seq: fault.seq, target: fault.target, fault: fault.fault, scheduledMs: fault.atMs });
    };
    timers.set(fault.seq, setTimeout(fire, Math.max(0, fault.atMs - (performance.now() - t0))));
  });
  return {
    cue: (trigger, instance) => {
      const count = fired.get(trigger) ?? 0;
      if (controller.signal.aborted || count >= trigger.max || trigger.targets.length === 0) return;
      fired.set(trigger, count + 1);
      const target = instance && trigger.targets.includes(instance) ? instance : trigger.targets[count % trigger.targets.length];
      start({ seq: nextSeq++, target, fault: trigger.fault, scheduledMs: options.now(), trigger: trigger.label });
    },
    stop: async () => {
      timers.forEach((timer) => clearTimeout(timer));
      controller.abort();
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
