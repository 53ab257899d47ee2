// Armed kills for one run: checks before anything starts that strace and ptrace are there (exit 3 with
// what is missing), then arms a target's whole group with the scenario's syscalls; the tracer is
// registered with the keeper while it lives, so it never outlives crashtest.
import { armKill as attach, checkArmedKillSupport, type ArmedOutcome } from '../armed/index.js';
import type { ArmKill, ArmOutcome } from '../chaos/index.js';
import { SystemError } from '../errors.js';
import { groupMembers, type OrphanReaper } from '../process/index.js';
import type { ChaosSpec } from '../scenario/index.js';
import { faultMix } from './chaos.js';

/** True when any scheduled kill or pause waits for a persistence syscall. */
export function usesArmedKills(chaos: ChaosSpec | undefined): boolean {
  return chaos !== undefined && faultMix(chaos).some(({ fault }) => fault.kind !== 'power-loss' && fault.at === 'persistence');
}

/** The arming function the nemesis uses; throws SystemError (exit 3) when armed kills are asked for and cannot work. */
export function prepareArmedKills(chaos: ChaosSpec | undefined, reaper: OrphanReaper): ArmKill {
  if (!usesArmedKills(chaos)) return async () => ({ fired: false, reason: 'armed kills are not configured' });
  const support = checkArmedKillSupport();
  if (!support.ok) throw new SystemError(support.reason, 'or set chaos.at: now (plain kills at the scheduled moment)');
  return async ({ group, boundMs, nth, signal, stopped }) => {
    const pids = groupMembers(group.pgid).map((m) => m.pid);
    if (pids.length === 0) return { fired: false, reason: 'the target has no live process' };
    const armed = await attach({ pids, syscalls: chaos!.syscalls, boundMs, leader: group, nth, signal });
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

function describe(outcome: ArmedOutcome, boundMs: number): ArmOutcome {
  if (outcome.fired) return { fired: true, atMs: outcome.atMs, syscall: outcome.syscall, path: outcome.path ?? null, tid: outcome.tid };
  const reasons = { bound: `no persistence call within ${Math.round(boundMs)} ms`, exited: 'the target exited while armed', disarmed: 'disarmed', failed: `the tracer failed: ${outcome.message ?? 'unknown'}` };
  return { fired: false, reason: reasons[outcome.reason] };
}
