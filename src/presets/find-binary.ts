// Finds a server binary: a configured folder, then PATH, then Debian's per-version folders
// (/usr/lib/postgresql/<version>/bin, newest first).
import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` found, or undefined; `extraDirs` are searched after PATH. */
export function findBinary(name: string, options: { binDir?: string; extraDirs?: string[] } = {}): string | undefined {
  const dirs = [
    ...(options.binDir ? [options.binDir] : []),
    ...(process.env.PATH ?? '').split(':').filter(Boolean),
    ...(options.extraDirs ?? []),
  ];
  return dirs.map((dir) => path.join(dir, name)).find(executable);
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
