// SIGKILL the processes that carry a mark, one by one: a process that left its component's group (setsid)
// is out of reach of the group kill, but not of its mark. Used by the supervisor and by the keeper.
import { isSameProcess } from './pid-identity.js';
import { findMarked, type MarkedProcess } from './marks.js';

/** How many times we look again: a marked process may fork between our scan and our kill. */
const ROUNDS = 5;

/**
 * SIGKILLs every live process whose mark satisfies `matches`, except members of `spareGroup` (the
 * component's own group, which its group kill takes), and looks again until none is left or ROUNDS
 * are done. Returns the processes killed. A pid is signalled only while it is still the process we read.
 */
export function killMarked(matches: (mark: string) => boolean, spareGroup?: number): MarkedProcess[] {
  const killed: MarkedProcess[] = [];
  const seen = new Set<string>();
  for (let round = 0; round < ROUNDS; round++) {
    const found = findMarked(matches).filter((p) => p.pgid !== spareGroup && !seen.has(`${p.pid}/${p.startTicks}`));
    if (found.length === 0) break;
    for (const marked of found) {
      seen.add(`${marked.pid}/${marked.startTicks}`);
      if (signal(marked)) killed.push(marked);
    }
  }
  return killed;
}

function signal(target: MarkedProcess): boolean {
  if (!isSameProcess(target)) return false;
  try {
    process.kill(target.pid, 'SIGKILL');
    return true;
  } catch {
    return false; // exited meanwhile
  }
}
