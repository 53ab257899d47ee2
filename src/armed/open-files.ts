// The regular files a target has open right now: the `paths` an armed kill on plain writes needs,
// since strace 6.1 cannot tell a file from a pipe or a socket by itself.
import { readdirSync, readlinkSync, statSync } from 'node:fs';

/** Paths of the regular files open in any of `pids` (from /proc/<pid>/fd), each once, sorted. */
export function openRegularFiles(pids: number[]): string[] {
  const found = new Set<string>();
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone
    }
    for (const fd of fds) {
      try {
        // stat follows the magic link to the open file itself, even when its name was unlinked.
        if (statSync(`/proc/${pid}/fd/${fd}`).isFile()) found.add(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        // closed while we looked
      }
    }
  }
  return [...found].filter((p) => !p.endsWith(' (deleted)')).sort();
}
