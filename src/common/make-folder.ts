// Creates a folder and its missing parents one level at a time. Node's recursive mkdir spins forever at
// 100 % CPU where mkdir answers ENOENT for a parent that exists (/proc/nope), so it is never used for user paths.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A folder that cannot be made; `message` says which part of the path is in the way and why. */
export class FolderError extends Error {
  constructor(readonly folder: string, readonly reason: string) {
    super(`cannot create the folder ${folder}: ${reason}`);
    this.name = 'FolderError';
  }
}

/** Makes `dir` (and its parents) unless it is already a folder; throws FolderError, never hangs. */
export function makeFolder(dir: string): void {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    const kind = entryKind(at);
    if (kind === 'folder') break;
    if (kind === 'other') throw new FolderError(target, `${at} exists and is not a folder`);
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST' && entryKind(folder) === 'folder') continue;
      throw new FolderError(target, `${path.dirname(folder)} ${WHY[code] ?? 'refuses it'} (${code || (error as Error).message})`);
    }
  }
}

const WHY: Record<string, string> = {
  ENOENT: 'does not allow new folders',
  EACCES: 'is not writable',
  EPERM: 'does not allow new folders',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'is on a full file system',
  EDQUOT: 'is over its disk quota',
  ENOTDIR: 'is not a folder',
};

// 'missing' also covers a path whose parent is a file (ENOTDIR): the walk up then finds that file.
function entryKind(file: string): 'folder' | 'other' | 'missing' {
  try {
    return statSync(file).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}
