// verify --compact: an output just found right becomes a hard link to the first right output with the same
// checksum, so a long run keeps one copy per distinct output on disk and every done job's file stays readable.
import fs from 'node:fs';
import type { Job } from './jobs.js';
import { digestOnce, identityOf, type DigestMemo } from './output-check.js';
import type { VerifyState } from './verify-state.js';

/**
 * Links `job.output` to the canonical file for its checksum (or makes it the canonical one). `identity` is what
 * the file was when it was read: if anything replaced or wrote it since, it is left alone. The canonical file is
 * read again (once per check) before anything is linked to it. The link is made under
 * a temp name and renamed over the output, so the path always holds either the old file or the link.
 */
export function compactOutput(job: Job, identity: string, state: VerifyState, memo: DigestMemo): void {
  const checksum = job.checksum!;
  const canonical = state.canonical[checksum];
  const canonicalIdentity = canonical === undefined ? undefined : identityOf(canonical);
  // A canonical file that is gone or no longer right is replaced by this one: verify never spreads a bad file.
  if (canonical === undefined || canonicalIdentity === undefined || digestOnce(canonical, canonicalIdentity, memo) !== checksum) {
    state.canonical[checksum] = job.output;
    return;
  }
  if (sameInode(canonicalIdentity, identity)) return;
  const temp = `${job.output}.verify-link`;
  fs.rmSync(temp, { force: true });
  fs.linkSync(canonical, temp);
  if (identityOf(job.output) !== identity) {
    fs.rmSync(temp, { force: true });
    return;
  }
  fs.renameSync(temp, job.output);
}

function sameInode(a: string, b: string): boolean {
  return a.split(':').slice(0, 2).join(':') === b.split(':').slice(0, 2).join(':');
}
