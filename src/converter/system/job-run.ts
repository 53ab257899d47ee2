// Runs one leased job to its end: output written to a temp file, fsynced, renamed, directory fsynced, then marked
// done with its checksum in one transaction that also checks the lease row. Bad images end as failed jobs.
import fs from 'node:fs';
import path from 'node:path';
import { ImageError } from '../errors.js';
import { convertFile, digestImage } from '../convert/file.js';
import { ConversionStopped } from '../convert/convert.js';
import { fsyncDir } from '../convert/io.js';
import type { Bugs } from './bugs.js';
import type { Job } from './jobs.js';
import type { Outcome, Store } from './store.js';
import type { LeaseKeeper } from './lease-keeper.js';

export interface RunContext { store: Store; bugs: Bugs; log: (line: string) => void }

export async function runJob(ctx: RunContext, job: Job, lease: LeaseKeeper): Promise<void> {
  let outcome: Outcome;
  try {
    if (ctx.bugs.has('done-before-output-durable')) return await doneBeforeOutput(ctx, job, lease);
    outcome = { state: 'done', checksum: await writeOutput(ctx, job, lease) };
  } catch (err) {
    if (err instanceof ConversionStopped) return ctx.log(`abandoned job ${job.id}: ${err.message}`);
    const reason = failureReason(err, job);
    if (reason === null) throw err; // not the image's fault: crash, another worker retries after the lease expires
    outcome = { state: 'failed', error: reason };
  }
  await finish(ctx, job, lease, outcome);
}

async function finish(ctx: RunContext, job: Job, lease: LeaseKeeper, outcome: Outcome): Promise<void> {
  const commit = { holder: lease.holder, attempt: lease.attempt, outcome, fenced: lease.fenced };
  if (!(await ctx.store.finishJob(job.id, commit))) return ctx.log(`abandoned job ${job.id}: lease lost before commit`);
  ctx.log(outcome.state === 'done' ? `done job ${job.id} checksum ${outcome.checksum}` : `failed job ${job.id}: ${outcome.error}`);
}

/** Produces the job's output at job.output and returns its checksum. */
async function writeOutput(ctx: RunContext, job: Job, lease: LeaseKeeper | null): Promise<string> {
  const stop = { shouldStop: lease?.stopReason };
  // PLANTED BUG no-fsync: neither the output nor its folder is fsynced; the page cache holds them until it flushes.
  const fsync = !ctx.bugs.has('no-fsync');
  fs.mkdirSync(path.dirname(job.output), { recursive: true });
  if (ctx.bugs.has('non-atomic-write')) {
    // PLANTED BUG non-atomic-write: convert in place; a file already at the final path is taken as finished,
    // though a crashed attempt may have left it half written.
    if (fs.existsSync(job.output)) return digestImage(job.source, stop);
    return convertFile(job.source, job.output, { fsync, ...stop });
  }
  removeDeadTemps(job.output);
  const temp = `${job.output}.tmp-${process.pid}-${Date.now()}`;
  const checksum = await convertFile(job.source, temp, { fsync, ...stop });
  fs.renameSync(temp, job.output);
  if (fsync) fsyncDir(path.dirname(job.output));
  return checksum;
}

/** Recovery: deletes temp files of this output left by workers that died (their pid is in the name). */
function removeDeadTemps(output: string): void {
  const dir = path.dirname(output);
  const prefix = `${path.basename(output)}.tmp-`;
  for (const name of fs.readdirSync(dir)) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length).split('-')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PLANTED BUG done-before-output-durable: commits "done" with the expected checksum, then writes the output. */
async function doneBeforeOutput(ctx: RunContext, job: Job, lease: LeaseKeeper): Promise<void> {
  const checksum = await digestImage(job.source, { shouldStop: lease.stopReason });
  await finish(ctx, job, lease, { state: 'done', checksum });
  lease.stop();
  await writeOutput(ctx, job, null); // the lease is gone now, so nothing would stop this write
}

/** Why the job itself failed, or null when the failure is the environment's (disk full, I/O error...). */
function failureReason(err: unknown, job: Job): string | null {
  if (err instanceof ImageError) return `image refused: ${err.message}`;
  const e = err as NodeJS.ErrnoException;
  if ((e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') && e.path === job.source) {
    return `cannot read source ${job.source}: ${e.code}`;
  }
  return null;
}
