// Spawns converter processes (api, workers) in their own process groups for end-to-end tests, and kills them.
// (No tests here; node --test loads this file too and finds nothing to run.)
import { spawn, type ChildProcess } from 'node:child_process';
import { MAIN } from './helpers.js';

export interface Service {
  name: string;
  child: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves with the first line (past or future) matching `re`; rejects after `timeoutMs`. */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGKILL to the whole process group (no-op if already dead). */
  kill(): void;
}

/** Runs `node MAIN ...args`, or `wrapper... node MAIN ...args` (e.g. under strace), as a process group leader. */
export function startService(name: string, args: string[], wrapper: string[] = []): Service {
  const command = [...wrapper, process.execPath, MAIN, ...args];
  const child = spawn(command[0], command.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ re: RegExp; resolve: (l: string) => void }> = [];
  let partial = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.re.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const waitForLine = (re: RegExp, timeoutMs = 15_000) => new Promise<string>((resolve, reject) => {
    const found = lines.find((l) => re.test(l));
    if (found !== undefined) return resolve(found);
    const timer = setTimeout(() => reject(new Error(`${name}: no line matching ${re} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
    waiters.push({ re, resolve: (l) => { clearTimeout(timer); resolve(l); } });
  });
  return { name, child, lines, waitForLine, kill };
}

type Hook = { after(fn: () => void | Promise<void>): void };

/**
 * Starts services for one test and SIGKILLs them all after it. Call it before tempDir(): after-hooks run in
 * registration order, and the processes must be dead before their directory is removed.
 */
export function processGroup(t: Hook): (name: string, args: string[], wrapper?: string[]) => Service {
  const started: Service[] = [];
  t.after(async () => {
    for (const s of started) s.kill();
    await Promise.all(started.map(exited));
  });
  return (name, args, wrapper) => {
    const s = startService(name, args, wrapper);
    started.push(s);
    return s;
  };
}

/** Resolves when the process has exited (immediately if it already has). */
export function exited(s: Service): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => s.child.once('exit', () => resolve()));
}
