// Shared by the tests: run the built CLI, find processes by a tag in their command line, temp folders.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The project root (tests run from it with `npm test`). */
export const ROOT = process.cwd();
export const CLI = path.join(ROOT, 'bin/crashtest.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures');

const madeDirs: string[] = [];
// Each test file runs in its own process: its folders go when it ends (CRASHTEST_KEEP_TEMP=1 keeps them to look at).
process.once('exit', () => {
  if (process.env.CRASHTEST_KEEP_TEMP === '1') return;
  for (const dir of madeDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // a folder still in use (a mount a failed test left) stays; the next boot clears /tmp
    }
  }
});

/** A fresh temporary folder, removed when the test file's process ends. */
export function tempDir(prefix = 'crashtest-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `crashtest ...args` to completion. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
  });
}

/** Starts `crashtest ...args` without waiting (to signal it). */
export function startCli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return Object.assign(child, { output: () => output });
}

/** Pids of live processes whose command line contains `tag`. */
export function pidsWithTag(tag: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (cmdline.includes(tag) && state !== 'Z') pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** Polls `predicate` every 20 ms until it is true or `timeoutMs` passes; returns its last value. */
export async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return predicate();
}

/** Waits until text appears in a growing output. */
export function waitForOutput(output: () => string, text: string | RegExp, timeoutMs: number): Promise<boolean> {
  return waitFor(() => (typeof text === 'string' ? output().includes(text) : text.test(output())), timeoutMs);
}
