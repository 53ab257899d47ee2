// Reads a done job's output and compares it with the checksum the job was committed with. Within one check, a
// file (inode) already read is not read again: hard-linked outputs (verify --compact) cost one read per check.
import fs from 'node:fs';
import { digestRawFile } from '../convert/file.js';
import type { Job } from './jobs.js';

/** What one check has read: file identity (device, inode, size, mtime) → checksum. */
export type DigestMemo = Map<string, string>;

export interface OutputReading {
  /** null when the output exists and has the job's checksum */
  problem: string | null;
  /** the output's identity when it was read (undefined when missing) */
  identity?: string;
}

/** A file's identity: a rename onto the path or a write changes it (not ctime: linking the file changes that). */
export function identityOf(file: string): string | undefined {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/** Checks one done job's output against its committed checksum. */
export function checkOutput(job: Job, memo: DigestMemo): OutputReading {
  if (!job.checksum) return { problem: 'has no checksum' };
  const identity = identityOf(job.output);
  if (identity === undefined) return { problem: `its output ${job.output} is missing` };
  const actual = digestOnce(job.output, identity, memo);
  if (actual !== job.checksum) return { problem: `its output ${job.output} has checksum ${actual}, expected ${job.checksum}`, identity };
  return { problem: null, identity };
}

/** The checksum of `file` (whose identity is `identity`), read at most once per check. */
export function digestOnce(file: string, identity: string, memo: DigestMemo): string {
  let digest = memo.get(identity);
  if (digest === undefined) {
    digest = digestRawFile(file);
    memo.set(identity, digest);
  }
  return digest;
}
