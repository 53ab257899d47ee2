// Reads strace's two streams: the trace file (calls, deaths) and its stderr (attach, detach, failures).
// Pure functions of one line each, so the format is pinned by literal examples in the tests.

/** One line of the trace file written with -f -ttt -y -o. */
export type TraceEvent =
  | { kind: 'call'; tid: number; atMs: number; syscall: string; path: string | undefined; line: string }
  | { kind: 'killed'; tid: number; signal: string }
  /** a signal strace injected (si_code SI_KERNEL), e.g. the SIGSTOP of an armed pause */
  | { kind: 'signalled'; tid: number; signal: string }
  | { kind: 'exited'; tid: number; code: number };

/** One message strace printed on stderr. */
export type StraceMessage =
  | { kind: 'attached'; pid: number; threads: number }
  | { kind: 'attach-failed'; pid: number; reason: string }
  | { kind: 'other'; text: string };

const CALL = /^(\d+)\s+(\d+\.\d+)\s+(\w+)\((.*)$/;
const DEATH = /^(\d+)\s+\d+\.\d+\s+\+\+\+ (killed by (\w+)|exited with (\d+))/;
const INJECTED_SIGNAL = /^(\d+)\s+\d+\.\d+\s+--- (SIG\w+) \{.*si_code=SI_KERNEL/;

/** Parses a trace line; undefined for continuations ("<... resumed>") and anything else. */
export function parseTraceLine(line: string): TraceEvent | undefined {
  const death = DEATH.exec(line);
  if (death) {
    const tid = Number(death[1]);
    return death[3] ? { kind: 'killed', tid, signal: death[3] } : { kind: 'exited', tid, code: Number(death[4]) };
  }
  const injected = INJECTED_SIGNAL.exec(line);
  if (injected) return { kind: 'signalled', tid: Number(injected[1]), signal: injected[2] };
  const call = CALL.exec(line);
  if (!call || call[4].startsWith('...')) return undefined;
  return { kind: 'call', tid: Number(call[1]), atMs: Number(call[2]) * 1000, syscall: call[3], path: firstPath(call[4]), line };
}

/** The file a call acts on: the fd's path (`17</a/b>`) or the first quoted path (`rename("a", "b")`). */
function firstPath(args: string): string | undefined {
  const fd = /^-?\d+<((?:[^>\\]|\\.)*)>/.exec(args);
  if (fd) return unescape(fd[1]);
  // renameat(AT_FDCWD</cwd>, "a", ...): the quoted name after the directory fd.
  const quoted = /"((?:[^"\\]|\\.)*)"/.exec(args);
  return quoted ? unescape(quoted[1]) : undefined;
}

function unescape(text: string): string {
  return text.replace(/\\(x[0-9a-f]{2}|.)/g, (_, c: string) => (c.length === 3 ? String.fromCharCode(parseInt(c.slice(1), 16)) : c === 'n' ? '\n' : c));
}

/** Parses one stderr line of strace (it names itself by its argv[0], e.g. "/usr/bin/strace: "). */
export function parseStraceMessage(line: string): StraceMessage {
  const attached = /^\S*strace: Process (\d+) attached(?: with (\d+) threads)?/.exec(line);
  if (attached) return { kind: 'attached', pid: Number(attached[1]), threads: Number(attached[2] ?? 1) };
  const failed = /^\S*strace: attach: ptrace\(PTRACE_SEIZE, (\d+)\): (.*)$/.exec(line);
  if (failed) return { kind: 'attach-failed', pid: Number(failed[1]), reason: failed[2] };
  return { kind: 'other', text: line };
}
