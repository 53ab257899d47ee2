// A real small tmpfs for full-disk tests (root only): mounted in a fresh temp folder, unmounted and removed in cleanup.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { tempDir } from './helpers.js';

/** Why full-disk tests cannot run here, or undefined when they can. */
export const tmpfsSkip = process.getuid?.() === 0 ? undefined : 'needs root to mount a tmpfs';

/** Mounts a tmpfs of `size` (e.g. "2m") and returns its folder; it is unmounted when the test ends. */
export function mountTmpfs(t: TestContext, size: string): string {
  const dir = tempDir('crashtest-full-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  t.after(() => {
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Writes a filler file until the file system is full (ENOSPC). */
export function fillUp(dir: string): void {
  const fd = openSync(path.join(dir, 'filler'), 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}
