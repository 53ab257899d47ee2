// A pid alone can be reused by the kernel: a process is identified by pid + start time
// (field 22 of /proc/<pid>/stat, clock ticks since boot). We never signal a pid whose identity changed.
import { readFileSync, readdirSync } from 'node:fs';

/** Who a process is: its pid, its start time and its process group. */
export interface ProcessIdentity {
  pid: number;
  startTicks: string;
  pgid: number;
}

/** Reads a live process's identity, or undefined when it is gone (zombies count as gone). */
export function readIdentity(pid: number): ProcessIdentity | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may contain spaces and parentheses: split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return { pid, pgid: Number(fields[2]), startTicks: fields[19] };
}

/** True when `pid` is still the very process we recorded. */
export function isSameProcess(identity: ProcessIdentity): boolean {
  const now = readIdentity(identity.pid);
  return now !== undefined && now.startTicks === identity.startTicks;
}

/** Live members of a process group, by scanning /proc. */
export function groupMembers(pgid: number): ProcessIdentity[] {
  const members: ProcessIdentity[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const identity = readIdentity(Number(entry));
    if (identity && identity.pgid === pgid) members.push(identity);
  }
  return members;
}
