// Is an instance ready? A TCP port accepts, a URL answers 2xx, a log line matches, or a command exits 0,
// polled until the deadline; the caller also stops waiting when the process dies.
import { execa } from 'execa';
import { connect } from 'node:net';
import { sleep } from '../common/index.js';

/** A readiness check after interpolation. */
export type ReadyCheck =
  | { kind: 'tcp'; port: number }
  | { kind: 'http'; url: string }
  | { kind: 'log'; pattern: RegExp }
  | { kind: 'command'; command: string | string[]; cwd: string; env: Record<string, string> }
  /** a preset's own check (e.g. PostgreSQL answers a query): opaque to the supervisor */
  | { kind: 'probe'; description: string; attempt: () => Promise<boolean> };

export interface WaitReadyOptions {
  check: ReadyCheck;
  timeoutMs: number;
  everyMs: number;
  /** resolves when the process exits: waiting stops at once */
  exited: Promise<unknown>;
  /** subscribe to the instance's output lines; returns an unsubscribe function */
  watchLines: (onLine: (line: string) => void) => () => void;
}

export type ReadyOutcome = { ready: true } | { ready: false; reason: string };

/** Waits until the check passes, the process exits, or the timeout runs out. */
export async function waitReady(options: WaitReadyOptions): Promise<ReadyOutcome> {
  const { check, timeoutMs } = options;
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadyOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: `not ready after ${timeoutMs} ms (${describe(check)})` }), timeoutMs);
  });
  const died = options.exited.then((): ReadyOutcome => ({ ready: false, reason: 'exited before it was ready' }));
  const passed = check.kind === 'log' ? waitForLine(check.pattern, options) : poll(check, options.everyMs, () => settled);
  const outcome = await Promise.race([passed, timeout, died]);
  settled = true;
  clearTimeout(timer);
  return outcome;
}

function describe(check: ReadyCheck): string {
  if (check.kind === 'tcp') return `waiting for 127.0.0.1:${check.port} to accept connections`;
  if (check.kind === 'http') return `waiting for ${check.url} to answer 2xx`;
  if (check.kind === 'log') return `waiting for a log line matching /${check.pattern.source}/`;
  if (check.kind === 'probe') return `waiting for ${check.description}`;
  return `waiting for the ready command to exit 0`;
}

function waitForLine(pattern: RegExp, options: WaitReadyOptions): Promise<ReadyOutcome> {
  return new Promise((resolve) => {
    const stop = options.watchLines((line) => {
      if (pattern.test(line)) {
        stop();
        resolve({ ready: true });
      }
    });
    options.exited.then(stop);
  });
}

async function poll(check: ReadyCheck, everyMs: number, cancelled: () => boolean): Promise<ReadyOutcome> {
  while (!cancelled()) {
    if (await probeOnce(check)) return { ready: true };
    await sleep(everyMs);
  }
  return { ready: false, reason: 'cancelled' };
}

/** One attempt of a tcp/http/command check. */
export async function probeOnce(check: ReadyCheck): Promise<boolean> {
  if (check.kind === 'tcp') return tcpAccepts(check.port);
  if (check.kind === 'http') {
    try {
      const response = await fetch(check.url, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  }
  if (check.kind === 'probe') return check.attempt().catch(() => false);
  if (check.kind === 'command') {
    const [file, ...args] = typeof check.command === 'string' ? [check.command] : check.command;
    const result = await execa(file, args, { shell: typeof check.command === 'string', cwd: check.cwd, env: check.env, reject: false, timeout: 5000, stdin: 'ignore' });
    return result.exitCode === 0;
  }
  return false;
}

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}
