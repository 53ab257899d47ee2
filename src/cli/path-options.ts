// Checks the command line's paths and numbers before anything starts: each mistake is a usage error
// (exit 2) in one line naming the option, never a stack trace and never a hang.
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { makeFolder, FolderError, parseDuration } from '../common/index.js';
import { ScenarioError } from '../errors.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** `--out DIR`: the folder exists (made now if missing) and is writable. */
export function checkOutputFolder(flag: string, dir: string): void {
  try {
    makeFolder(dir);
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw usageError(flag, dir, error);
  }
}

/** `--db FILE` of a run: an existing SQLite file, or a new one whose folder can be made. */
export function checkDatabaseForRun(flag: string, file: string): void {
  if (databaseExists(flag, file)) return;
  try {
    makeFolder(path.dirname(path.resolve(file)));
  } catch (error) {
    throw usageError(flag, file, error);
  }
}

/** `-n COUNT`: a whole number of at least 1. */
export function parseCount(flag: string): (value: string) => number {
  return (value) => {
    const count = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count) || count < 1) {
      throw new ScenarioError(`${flag}: expected a whole number of at least 1, got "${value}"`);
    }
    return count;
  };
}

/** `--seed N`: a whole number from 0 to 2^31 - 1 (the schedule's seed). */
export function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) throw new ScenarioError(`--seed: expected a whole number from 0 to ${2 ** 31 - 1}, got "${value}"`);
  return seed;
}

/** A duration option above 0 ("500ms", "10s", "2m"); `examples` is what the error suggests. */
export function parseDurationOption(flag: string, examples = '"500ms", "10s" or "2m"'): (value: string) => number {
  return (value) => {
    const ms = parseDuration(value);
    if (ms === undefined || ms === 0) throw new ScenarioError(`${flag}: expected a duration like ${examples}, got "${value}"`);
    return ms;
  };
}

/** `--db FILE`: true for a regular file that is empty or a SQLite database, false when nothing is there (yet); else a usage error. */
export function databaseExists(flag: string, file: string): boolean {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ScenarioError(`${flag} ${file}: not a file (expected a results database, e.g. reports/crashtest.db)`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'ENOTDIR') throw new ScenarioError(`${flag} ${file}: a part of this path is a file, not a folder`);
    throw usageError(flag, file, error);
  }
  if (size > 0 && readHead(file, SQLITE_MAGIC.length) !== SQLITE_MAGIC) {
    throw new ScenarioError(`${flag} ${file}: not a SQLite database (expected a results database, e.g. reports/crashtest.db)`);
  }
  return true;
}

function readHead(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function usageError(flag: string, value: string, error: unknown): ScenarioError {
  if (error instanceof FolderError) return new ScenarioError(`${flag} ${value}: ${error.reason}`);
  const e = error as NodeJS.ErrnoException;
  return new ScenarioError(`${flag} ${value}: ${e.code === 'EACCES' || e.code === 'EROFS' ? 'not writable' : 'unusable'} (${e.code ?? e.message})`);
}
