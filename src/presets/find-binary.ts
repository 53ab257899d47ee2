// Finds a server binary: a configured folder, then PATH, then Debian's per-version folders
// (/usr/lib/postgresql/<version>/bin, newest first).
import { readdirSync } from 'node:fs';
import { findExecutable, pathDirs } from '../common/index.js';

/** The first executable `name` found, or undefined; `extraDirs` are searched after PATH. */
export function findBinary(name: string, options: { binDir?: string; extraDirs?: string[] } = {}): string | undefined {
  return findExecutable(name, [...(options.binDir ? [options.binDir] : []), ...pathDirs(), ...(options.extraDirs ?? [])]);
}

/** Debian's PostgreSQL folders, newest version first. */
export function postgresDirs(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => `/usr/lib/postgresql/${version}/bin`);
  } catch {
    return [];
  }
}
