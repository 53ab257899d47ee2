// SIGKILL a whole process group, as a real crash would take every process of a component.
// The group's leader is checked by start time first: a recycled pid is never signalled.
import { groupMembers, readIdentity, type ProcessIdentity } from './pid-identity.js';

export type KillResult = 'killed' | 'gone' | 'refused';

/**
 * Sends `signal` to the group led by `leader`. Returns 'refused' when the pid now belongs to a
 * stranger, 'gone' when nothing of the group is left.
 */
export function killGroup(leader: ProcessIdentity, signal: NodeJS.Signals = 'SIGKILL'): KillResult {
  const now = readIdentity(leader.pid);
  if (now && now.startTicks !== leader.startTicks) return 'refused';
  // When the leader is gone, Linux keeps its pid reserved while any member of its group lives,
  // so a group that still has members is still ours; members all started after the leader.
  if (!now && groupMembers(leader.pgid).every((m) => Number(m.startTicks) < Number(leader.startTicks))) return 'gone';
  try {
    process.kill(-leader.pgid, signal);
    return 'killed';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
    throw error;
  }
}

/** Waits until no process of the group is left; false if some survive `timeoutMs`. */
export async function waitGroupGone(pgid: number, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}
