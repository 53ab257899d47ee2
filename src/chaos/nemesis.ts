// Plays a fault schedule against the supervisor in real time and records each fault as fired or skipped.
import type { RunRecorder } from '../store/index.js';
import type { PlannedFault } from './schedule.js';

/** What the nemesis hurts: anything that can kill an instance by name (the supervisor). */
export interface FaultTarget {
  kill(instance: string, signal: NodeJS.Signals): { fired: true; pid: number; signal: string } | { fired: false; reason: string };
}

export interface Nemesis {
  /** cancels the kills not fired yet */
  stop(): void;
}

/** Starts firing `schedule` (times relative to `t0`, a performance.now() value). */
export function startNemesis(options: { schedule: readonly PlannedFault[]; target: FaultTarget; recorder: RunRecorder; t0: number; signal: NodeJS.Signals }): Nemesis {
  const { schedule, target, recorder, t0, signal } = options;
  const timers = new Map<number, NodeJS.Timeout>();
  schedule.forEach((fault) => {
    const fire = (): void => {
      const t = performance.now() - t0;
      // Timers may fire up to a millisecond early; never kill before the scheduled time.
      if (t < fault.atMs) {
        timers.set(fault.seq, setTimeout(fire, fault.atMs - t));
        return;
      }
      const outcome = target.kill(fault.target, signal);
      if (outcome.fired) {
        recorder.record({ type: 'fault.injected', t, seq: fault.seq, instance: fault.target, pid: outcome.pid, signal: outcome.signal, scheduledMs: fault.atMs });
      } else {
        recorder.record({ type: 'fault.skipped', t, seq: fault.seq, instance: fault.target, reason: outcome.reason, scheduledMs: fault.atMs });
      }
    };
    timers.set(fault.seq, setTimeout(fire, Math.max(0, fault.atMs - (performance.now() - t0))));
  });
  return { stop: () => timers.forEach((timer) => clearTimeout(timer)) };
}
