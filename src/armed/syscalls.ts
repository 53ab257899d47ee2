// Which calls count as a persistence point, and the strace command line that kills at the first one.
// strace 6.1 cannot filter by fd type, so plain write/writev are opt-in and only sane with `paths`.

/** Calls that only ever act on files: each one is a persistence point wherever it is aimed. */
export const PERSISTENCE_SYSCALLS = [
  'fsync', 'fdatasync', 'sync_file_range', 'rename', 'renameat', 'renameat2', 'pwrite64', 'pwritev', 'pwritev2',
] as const;

/**
 * Plain writes. Without `paths` they would fire on the first log line, socket reply or libuv eventfd
 * wake-up (Node's threadpool writes one after every fs call), so armKill refuses them without `paths`.
 */
export const PLAIN_WRITE_SYSCALLS = ['write', 'writev'] as const;

/** What strace is told: who, which calls, which signal, where to write its trace. */
export interface StraceCommand {
  pids: number[];
  syscalls: readonly string[];
  /** strace's name for the signal, e.g. KILL; empty: no signal (trace only, or delayEnterUs) */
  signal: string;
  /** hold every call of the set this many µs at its entry, after its line is written (a point kill decides then) */
  delayEnterUs?: number;
  /** fire at the nth call of one syscall of the set, counted per thread, as strace counts (default 1) */
  nth?: number;
  outFile: string;
  /** restrict every traced call to these paths (strace -P), see PLAIN_WRITE_SYSCALLS */
  paths?: readonly string[];
}

/** The argv (without the binary) of the strace that arms `pids`. */
export function straceArgs(command: StraceCommand): string[] {
  const set = command.syscalls.join(',');
  return [
    '-f', // every thread of every pid, and every child or thread born while armed
    '-ttt', // the entry time of the call, in µs since the epoch
    '-y', // the path behind each fd argument
    '-s', '0', // no buffer contents: the call and its fd are enough
    '-o', command.outFile, // a file, so each line starts with its thread id (and is flushed per line)
    '-e', `trace=${set}`,
    ...injection(command),
    ...(command.paths ?? []).flatMap((path) => ['-P', path]),
    ...command.pids.flatMap((pid) => ['-p', String(pid)]),
  ];
}

function injection(command: StraceCommand): string[] {
  const set = command.syscalls.join(',');
  if (command.delayEnterUs) return ['-e', `inject=${set}:delay_enter=${command.delayEnterUs}`];
  if (!command.signal) return [];
  return ['-e', `inject=${set}:signal=${command.signal}${command.nth && command.nth > 1 ? `:when=${command.nth}` : ''}`];
}
