// Armed kills for one run: checks before anything starts that strace and ptrace are there (exit 3 with
// what is missing), then arms a target's whole group with the scenario's syscalls; the tracer is
// registered with the keeper while it lives, so it never outlives crashtest.
import { armKill as attach, armPoint, checkArmedKillSupport, type ArmedOutcome } from '../armed/index.js';
import type { ArmKill, ArmOutcome, ArmPointKill, PlannedFault } from '../chaos/index.js';
import { killGroup } from '../process/index.js';
import { SystemError } from '../errors.js';
import { groupMembers, type OrphanReaper } from '../process/index.js';
import type { ChaosSpec } from '../scenario/index.js';
import { faultMix } from './chaos.js';

/** True when any scheduled kill or pause waits for a persistence syscall (in the scenario's mix, or an explicit list's). */
export function usesArmedKills(chaos: ChaosSpec | undefined, faults?: readonly PlannedFault[]): boolean {
  const armed = (fault: PlannedFault['fault']): boolean => fault.kind !== 'power-loss' && fault.at === 'persistence';
  if (faults) return faults.some((f) => armed(f.fault));
  return chaos !== undefined && faultMix(chaos).some(({ fault }) => armed(fault));
}

/** The arming function the nemesis uses; throws SystemError (exit 3) when armed kills are asked for and cannot work. */
export function prepareArmedKills(chaos: ChaosSpec | undefined, reaper: OrphanReaper, faults?: readonly PlannedFault[]): ArmKill {
  if (!usesArmedKills(chaos, faults)) return async () => ({ fired: false, reason: 'armed kills are not configured' });
  const support = checkArmedKillSupport();
  if (!support.ok) throw new SystemError(support.reason, 'or set chaos.at: now (plain kills at the scheduled moment)');
  return async ({ group, boundMs, nth, signal, stopped }) => {
    const pids = groupMembers(group.pgid).map((m) => m.pid);
    if (pids.length === 0) return { fired: false, reason: 'the target has no live process' };
    const armed = await attach({ pids, syscalls: chaos?.syscalls, boundMs, leader: group, nth, signal });
    reaper.adopt(armed.tracer);
    const disarm = (): void => void armed.disarm();
    stopped.addEventListener('abort', disarm, { once: true });
    try {
      return describe(await armed.outcome, boundMs);
    } finally {
      stopped.removeEventListener('abort', disarm);
      await armed.disarm();
      reaper.release(armed.tracer);
    }
  };
}

/** Kills at a point (explore, --faults): every instance's group armed by one strace, the tracer kept by the keeper while it lives. */
export function preparePointKills(reaper: OrphanReaper, runDir: string): ArmPointKill {
  return async ({ groups, point, boundMs, claim, stopped }) => {
    const members = groups.map((g) => ({ instance: g.instance, pids: groupMembers(g.group.pgid).map((m) => m.pid) }));
    const pids = members.flatMap((m) => m.pids);
    if (pids.length === 0) return { fired: false, reason: 'no live process to arm' };
    let killed: string | undefined;
    const armed = armPoint({ pids, point, occurrence: point.occurrence, runDir, boundMs, kill: (pid) => {
      // The calling process is held by strace: claim its instance's exit as ours, then kill its whole group.
      const instance = members.find((m) => m.pids.includes(pid))?.instance;
      const group = instance ? claim(instance) : undefined;
      if (!instance || !group) return false;
      killGroup(group, 'SIGKILL');
      killed = instance;
      return true;
    } });
    reaper.adopt(armed.tracer);
    const disarm = (): void => void armed.disarm();
    stopped.addEventListener('abort', disarm, { once: true });
    try {
      const outcome = await armed.outcome;
      if (!outcome.fired) return { fired: false, reason: stopped.aborted ? 'chaos stopped while it was armed' : outcome.reason };
      return { fired: true, instance: killed!, pid: outcome.pid, atMs: outcome.atMs, syscall: outcome.syscall, path: outcome.path, tid: outcome.tid, late: outcome.late };
    } finally {
      stopped.removeEventListener('abort', disarm);
      await armed.disarm();
      reaper.release(armed.tracer);
    }
  };
}

function describe(outcome: ArmedOutcome, boundMs: number): ArmOutcome {
  if (outcome.fired) return { fired: true, atMs: outcome.atMs, syscall: outcome.syscall, path: outcome.path ?? null, tid: outcome.tid };
  const reasons = { bound: `no persistence call within ${Math.round(boundMs)} ms`, exited: 'the target exited while armed', disarmed: 'disarmed', failed: `the tracer failed: ${outcome.message ?? 'unknown'}` };
  return { fired: false, reason: reasons[outcome.reason] };
}
