// Starts one component instance in its own process group (detached), with its output
// timestamped into its log file and offered line by line to readiness checks.
import { spawn, type ChildProcess } from 'node:child_process';
import { readIdentity, type ProcessIdentity } from '../process/index.js';
import type { LogSink } from './bounded-log.js';
import { splitLines } from './line-splitter.js';

/** What to run for one instance, after interpolation. */
export interface LaunchSpec {
  command: string | string[];
  cwd: string;
  env: Record<string, string>;
  /** run as this uid/gid (e.g. an unprivileged account for servers that refuse root) */
  uid?: number;
  gid?: number;
}

export interface Launched {
  child: ChildProcess;
  identity: ProcessIdentity;
  /** resolves when the process has exited, with its code or signal */
  exited: Promise<ExitStatus>;
}

/** How a process ended; `failure` explains a process that could not be started at all. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  failure?: string;
}

/**
 * Spawns the instance. `detached: true` makes it the leader of a new process group, so one
 * SIGKILL to -pgid takes it and every child it forked, and Ctrl-C in our terminal does not reach it.
 */
export function spawnInstance(spec: LaunchSpec, log: LogSink, onLine: (line: string) => void, t0: number): Launched {
  const [file, args] = typeof spec.command === 'string' ? ['/bin/sh', ['-c', spec.command]] : [spec.command[0], spec.command.slice(1)];
  // Node's spawn, not execa, on this path: a respawn is on the clock (kill → running again), and
  // execa's per-call setup roughly doubles it; execa runs the commands that are not on the clock.
  const child = spawn(file, args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: spec.uid,
    gid: spec.gid,
  });
  child.once('exit', () => closePipesLater(child));
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A process that could not start at all (no such file, no permission) emits 'error', not 'exit'.
    child.once('error', (error) => resolve({ code: 127, signal: null, failure: `cannot start ${file}: ${error.message}` }));
  });
  const identity = child.pid === undefined ? undefined : readIdentity(child.pid);
  pipeLines(child.stdout, 'out', log, onLine, t0);
  pipeLines(child.stderr, 'err', log, onLine, t0);
  return { child, exited, identity: identity ?? { pid: child.pid ?? -1, pgid: child.pid ?? -1, startTicks: 'unknown' } };
}

/**
 * A process that left the group (setsid) inherits our pipes and may hold them open for ever, and an open
 * pipe keeps crashtest alive after its verdict: our ends are closed a moment after the exit at the latest.
 */
function closePipesLater(child: ChildProcess, graceMs = 1000): void {
  setTimeout(() => {
    child.stdout?.destroy();
    child.stderr?.destroy();
  }, graceMs).unref();
}

function pipeLines(stream: NodeJS.ReadableStream | null, label: string, log: LogSink, onLine: (line: string) => void, t0: number): void {
  if (!stream) return;
  splitLines(stream, (line) => {
    // A group killed at teardown may still have lines in the pipe after its log was closed: drop those.
    if (!log.writableEnded) log.write(`${stamp(t0)} ${label} ${line}\n`);
    onLine(line);
  });
}

/** "+12.345s": time since the run started, at the head of every log line. */
export function stamp(t0: number): string {
  return `+${((performance.now() - t0) / 1000).toFixed(3)}s`;
}
