// Every process a component starts carries CRASHTEST_MARK=<run id>/<instance>/<generation> in its environment.
// Descendants inherit it even after they leave the process group (setsid, a double fork): /proc finds them again.
import { readFileSync, readdirSync } from 'node:fs';
import { readIdentity, type ProcessIdentity } from './pid-identity.js';

/** The environment variable that carries the mark. */
export const MARK_VARIABLE = 'CRASHTEST_MARK';

/** The mark of one generation of one instance: "<run id>/<instance>/<generation>". */
export function markOf(runId: string, instance: string, generation: number): string {
  return `${runId}/${instance}/${generation}`;
}

/** What every mark of a run starts with. */
export function runMarkPrefix(runId: string): string {
  return `${runId}/`;
}

/** The instance and generation a mark names (instance names hold no "/"), or undefined for another run's mark. */
export function readMark(runId: string, mark: string): { instance: string; generation: number } | undefined {
  if (!mark.startsWith(runMarkPrefix(runId))) return undefined;
  const rest = mark.slice(runMarkPrefix(runId).length);
  const at = rest.lastIndexOf('/');
  return at > 0 ? { instance: rest.slice(0, at), generation: Number(rest.slice(at + 1)) } : undefined;
}

/** A live process that carries a mark: who it is, its mark, its command line. */
export interface MarkedProcess extends ProcessIdentity {
  mark: string;
  command: string;
}

/**
 * Live processes whose mark satisfies `matches`. A process whose environment we may not read (another
 * user's, when we are not root) or that cleared its environment before its exec is not found.
 */
export function findMarked(matches: (mark: string) => boolean): MarkedProcess[] {
  const found: MarkedProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const mark = markIn(pid);
    if (mark === undefined || !matches(mark)) continue;
    const identity = readIdentity(pid);
    // Read the mark again after the identity: the pid was not reused between the two reads.
    if (identity && markIn(pid) === mark) found.push({ ...identity, mark, command: commandLine(pid) });
  }
  return found;
}

/** The mark in a process's environment (as it was at its exec), or undefined. */
function markIn(pid: number): string | undefined {
  let environ: string;
  try {
    environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
  } catch {
    return undefined; // gone, or not ours to read
  }
  const key = `${MARK_VARIABLE}=`;
  return environ.split('\0').find((entry) => entry.startsWith(key))?.slice(key.length);
}

/** The command line with spaces between arguments, for people to read. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replaceAll('\0', ' ');
  } catch {
    return '?';
  }
}
