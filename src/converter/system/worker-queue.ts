// The worker's Redis path: pop a job id, lease it in Redis (SET NX PX), mark it running in the primary store,
// run it, drop the Redis lease. A popped job that is leased elsewhere, done or failed is skipped.
import type { RunContext } from './job-run.js';
import type { Queue } from './queue.js';
import { newHolder, runLeased, type WorkerConfig } from './leased-run.js';

/** One turn of the queue loop; false when the queue was empty. */
export async function queueStep(ctx: RunContext, config: WorkerConfig, queue: Queue): Promise<boolean> {
  const id = await queue.pop();
  if (id === null) return false;
  const holder = newHolder(config.id);
  if (!(await queue.takeLease(id, holder, config.ttlMs))) {
    ctx.log(`skipped job ${id}: another worker holds its lease`);
    return true;
  }
  // If this throws (store down), the Redis lease runs out and the reconciler queues the job again.
  const job = await ctx.store.claimJob(id, { holder, ttlMs: config.ttlMs, maxAttempts: config.maxAttempts, takeExpired: true });
  if (!job) {
    await queue.releaseLease(id, holder);
    ctx.log(`skipped job ${id}: it already ended (or gave up after ${config.maxAttempts} attempts)`);
    return true;
  }
  ctx.log(`took job ${job.id} (attempt ${job.attempts}) ${job.source}`);
  await runLeased(ctx, config, job, holder, () => queue.refreshLease(id, holder, config.ttlMs));
  await queue.releaseLease(id, holder);
  return true;
}
