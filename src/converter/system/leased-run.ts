// What both worker paths share: the worker's settings, lease holder names, and running a job under a LeaseKeeper.
import crypto from 'node:crypto';
import type { Bugs } from './bugs.js';
import type { Job } from './jobs.js';
import { LeaseKeeper } from './lease-keeper.js';
import { runJob, type RunContext } from './job-run.js';

export interface WorkerConfig { id: string; ttlMs: number; pollMs: number; maxAttempts: number; bugs: Bugs }

/** A new lease holder name: "<worker id>/<pid>/<nonce>", so a restarted worker never mistakes an old lease for its own. */
export function newHolder(id: string): string {
  return `${id}/${process.pid}/${crypto.randomBytes(4).toString('hex')}`;
}

/** Runs the job while a LeaseKeeper refreshes its lease every TTL/3. */
export async function runLeased(ctx: RunContext, config: WorkerConfig, job: Job, holder: string,
  refresh: () => Promise<boolean>): Promise<void> {
  const lease = new LeaseKeeper(refresh, {
    jobId: job.id, holder, attempt: job.attempts, ttlMs: config.ttlMs,
    refresh: !config.bugs.has('lease-not-refreshed'), // PLANTED BUG lease-not-refreshed when false: expires mid-conversion
    fenced: !config.bugs.has('no-fencing'), // PLANTED BUG no-fencing when false: commits after losing the lease
  });
  try {
    await runJob(ctx, job, lease);
  } finally {
    lease.stop();
  }
}
