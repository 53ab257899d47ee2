// The only place errors become text and exit codes: 0 pass · 1 invariant violated · 2 bad input ·
// 3 the system under test failed to start · 4 crashtest's own internal error.
import { CommanderError } from 'commander';
import { CrashtestError, ExitCode } from '../errors.js';
import { Chalk } from 'chalk';

export { ExitCode };

const color = new Chalk({ level: process.stderr.isTTY && !process.env.NO_COLOR ? 1 : 0 });

/** Prints an error for the person reading it and returns its exit code (a stack only for internal errors). */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander already printed its message; usage errors are bad input.
    return error.exitCode === 0 ? 0 : ExitCode.badInput;
  }
  if (error instanceof CrashtestError) {
    process.stderr.write(`${color.red('error:')} ${error.message}\n`);
    if (error.detail) process.stderr.write(`${error.detail}\n`);
    return error.exitCode;
  }
  const sqliteCode = (error as { code?: unknown }).code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_')) {
    // The results database refused a write (full disk, read-only file): crashtest's failure, said in one line.
    process.stderr.write(`${color.red('error:')} the results database cannot be used: ${(error as Error).message} (${sqliteCode})\n`);
    return ExitCode.internal;
  }
  const stack = error instanceof Error ? error.stack ?? error.message : String(error);
  process.stderr.write(`${color.red('internal error')} (a bug in crashtest, please report it):\n${stack}\n`);
  return ExitCode.internal;
}
