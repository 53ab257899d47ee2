// Starts the strace that holds an armed target, and turns its two streams into events.
// strace gets a process group of its own, so the keeper can kill it (tracees are then detached, not killed).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readIdentity, type ProcessIdentity } from '../process/index.js';
import { followLines } from './follow-file.js';
import { straceArgs, type StraceCommand } from './syscalls.js';
import { parseStraceMessage, parseTraceLine, type StraceMessage, type TraceEvent } from './trace-lines.js';

/** A running strace and what it reports. */
export interface Tracer {
  child: ChildProcess;
  identity: ProcessIdentity;
  /** resolves once strace has exited and every line of its trace has been delivered */
  exited: Promise<void>;
  /** asks strace to detach from every tracee and exit (SIGINT); SIGKILL if it has not after `graceMs` */
  detach(graceMs?: number): Promise<void>;
}

/** Handlers for the trace file and for strace's messages. */
export interface TracerHandlers {
  onTrace(event: TraceEvent): void;
  onMessage(message: StraceMessage): void;
  /** the unfinished last line of the trace: a call's entry, written before strace lets it run */
  onPartial?(line: string): void;
}

/** Spawns `strace` (the binary `binary`) for `command` minus its output file, which is chosen here. */
export function startTracer(binary: string, command: Omit<StraceCommand, 'outFile'>, handlers: TracerHandlers): Tracer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crashtest-armed-'));
  const outFile = path.join(dir, 'trace');
  writeFileSync(outFile, '');
  const follower = followLines(outFile, (line) => {
    const event = parseTraceLine(line);
    if (event) handlers.onTrace(event);
  }, handlers.onPartial && ((line) => handlers.onPartial!(line)));
  const child = spawn(binary, straceArgs({ ...command, outFile }), { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let rest = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) handlers.onMessage(parseStraceMessage(line));
  });
  const exited = new Promise<void>((resolve) => {
    const finish = (): void => {
      follower.stop();
      rmSync(dir, { recursive: true, force: true });
      resolve();
    };
    child.once('close', finish);
    child.once('error', (error) => {
      handlers.onMessage({ kind: 'other', text: `cannot start ${binary}: ${error.message}` });
      finish();
    });
  });
  const identity = (child.pid !== undefined && readIdentity(child.pid)) || { pid: child.pid ?? -1, pgid: child.pid ?? -1, startTicks: 'unknown' };
  return { child, identity, exited, detach: (graceMs = 2000) => detach(child, exited, graceMs) };
}

async function detach(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
