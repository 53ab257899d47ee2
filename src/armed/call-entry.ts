// A persistence call as strace printed its entry (the line may be unfinished: the call not yet run):
// who made it, when, and every file it names, a rename's source and destination both.
import path from 'node:path';

/** One call's entry: thread, time (ms since the epoch), syscall and the files it acts on. */
export interface CallEntry {
  tid: number;
  atMs: number;
  syscall: string;
  /** absolute where strace could tell (fd paths, names joined to their directory fd); one, or two for a rename */
  paths: string[];
}

const ENTRY = /^(\d+)\s+(\d+\.\d+)\s+(\w+)\((.*)$/;
const ARG = /(-?\d+|AT_FDCWD)<((?:[^>\\]|\\.)*)>|"((?:[^"\\]|\\.)*)"/g;

/** Parses a trace line (complete or only its entry); undefined for anything that is not a call's entry. */
export function parseCallEntry(line: string): CallEntry | undefined {
  const match = ENTRY.exec(line);
  if (!match || match[4].startsWith('...')) return undefined;
  const [, tid, time, syscall, args] = match;
  return { tid: Number(tid), atMs: Number(time) * 1000, syscall, paths: pathsOf(syscall, args) };
}

// fsync(3</a/b>), pwrite64(3</a/b>, ...): the fd's file. rename("a", "b"): both names.
// renameat(AT_FDCWD</dir>, "a", 4</dir2>, "b"): each name joined to its directory.
function pathsOf(syscall: string, args: string): string[] {
  const parts = [...args.matchAll(ARG)].map((m) => (m[3] !== undefined ? { name: unescape(m[3]) } : { fd: unescape(m[2]) }));
  if (syscall.startsWith('renameat')) {
    const joined: string[] = [];
    for (let i = 0; i + 1 < parts.length && joined.length < 2; i += 2) {
      const dir = parts[i].fd;
      const name = parts[i + 1].name;
      if (name !== undefined) joined.push(dir && !path.isAbsolute(name) ? path.join(dir, name) : name);
    }
    return joined;
  }
  if (syscall === 'rename') return parts.flatMap((p) => (p.name !== undefined ? [p.name] : [])).slice(0, 2);
  const first = parts[0];
  return first?.fd !== undefined ? [first.fd] : first?.name !== undefined ? [first.name] : [];
}

function unescape(text: string): string {
  return text.replace(/\\(x[0-9a-f]{2}|.)/g, (_, c: string) => (c.length === 3 ? String.fromCharCode(parseInt(c.slice(1), 16)) : c === 'n' ? '\n' : c));
}
