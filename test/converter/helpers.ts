// Shared helpers for the converter tests: temp dirs, running the converter CLI and the real qemu-img.
// (No tests here; node --test loads this file too and finds nothing to run.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** dist/src/converter/main.js, found from this compiled file at dist/test/converter/helpers.js. */
export const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/converter/main.js');

export function tempDir(t: { after(fn: () => void | Promise<void>): void }, label = 'conv'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface CliResult { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; timedOut: boolean }

/** Runs the converter CLI synchronously; SIGKILLed after `timeoutMs`. */
export function cli(args: string[], timeoutMs = 60_000): CliResult {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, timedOut };
}

/** Like cli() but throws with stderr when the command fails. */
export function cliOk(args: string[]): string {
  const r = cli(args);
  if (r.status !== 0) throw new Error(`converter ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return r.stdout;
}

export function qemuImg(args: string[]): string {
  return execFileSync('qemu-img', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function qemuIo(file: string, commands: string[]): void {
  execFileSync('qemu-io', ['-f', 'qcow2', ...commands.flatMap((c) => ['-c', c]), file], { stdio: 'ignore' });
}

/** Converts with the real qemu-img; returns the output path. */
export function qemuConvert(src: string, dst: string): string {
  qemuImg(['convert', '-f', 'qcow2', '-O', 'raw', src, dst]);
  return dst;
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Asserts two files are byte-for-byte identical without loading both whole files into one string. */
export function sameBytes(a: string, b: string): boolean {
  if (fs.statSync(a).size !== fs.statSync(b).size) return false;
  return sha256File(a) === sha256File(b);
}
