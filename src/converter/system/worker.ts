// The worker process: forever take a job with a lease, convert it, commit the outcome. No shutdown path:
// it is stopped by being killed, and whatever it held is taken over once its lease expires.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { flags, requireString, intFlag, parseDuration } from '../cli/args.js';
import { parseBugs } from './bugs.js';
import { openStore, type TakeOptions } from './store.js';
import { isUnavailable } from './unavailable.js';
import type { RunContext } from './job-run.js';
import { newHolder, runLeased, type WorkerConfig } from './leased-run.js';
import { connectRedis, Queue } from './queue.js';
import { queueStep } from './worker-queue.js';

const WORKER_BUSY_TIMEOUT_MS = 5000;

/** worker --db PATH|URL --data DIR --id NAME [--redis URL] [--lease-ttl 5s] [--poll 50ms] [--max-attempts 20] [--bug NAME]... */
export async function workerCommand(argv: string[]): Promise<void> {
  const { values } = flags('worker', argv, {
    db: { type: 'string' }, data: { type: 'string' }, id: { type: 'string' }, redis: { type: 'string' },
    'lease-ttl': { type: 'string' }, poll: { type: 'string' }, 'max-attempts': { type: 'string' },
    bug: { type: 'string', multiple: true },
  });
  const db = requireString('worker', values, 'db');
  fs.mkdirSync(path.join(path.resolve(requireString('worker', values, 'data')), 'out'), { recursive: true });
  const config: WorkerConfig = {
    id: requireString('worker', values, 'id'),
    ttlMs: parseDuration(String(values['lease-ttl'] ?? '5s'), '--lease-ttl'),
    pollMs: parseDuration(String(values.poll ?? '50ms'), '--poll'),
    maxAttempts: intFlag(values, 'max-attempts', 20),
    bugs: parseBugs(values.bug as string[] | undefined),
  };
  const log = (line: string) => console.log(`worker ${config.id}: ${line}`);
  const fsync = !config.bugs.has('no-fsync'); // PLANTED BUG no-fsync when false
  const store = await openStore(db, { busyTimeoutMs: WORKER_BUSY_TIMEOUT_MS, waitForServer: true, log, fsync });
  const queue = typeof values.redis === 'string' ? new Queue(connectRedis(values.redis, log)) : null;
  console.log(`worker ${config.id} ready (pid ${process.pid}, lease ttl ${config.ttlMs} ms, ${queue ? 'redis queue' : 'lease table'})`);
  const ctx: RunContext = { store, bugs: config.bugs, log };
  await loop(ctx, config, queue ? () => queueStep(ctx, config, queue) : () => tableStep(ctx, config));
}

/** Runs `step` forever; sleeps `poll` when idle, and backs off (up to 2 s) while the store or queue is unavailable. */
async function loop(ctx: RunContext, config: WorkerConfig, step: () => Promise<boolean>): Promise<never> {
  let backoff = 0;
  for (;;) {
    try {
      const worked = await step();
      backoff = 0;
      if (!worked) await sleep(config.pollMs);
    } catch (err) {
      if (!isUnavailable(err)) throw err; // crash-only: anything unexpected kills the worker
      backoff = Math.min(Math.max(backoff * 2, 100), 2000);
      ctx.log(`store or queue unavailable (${(err as Error).message}); retrying in ${backoff} ms`);
      await sleep(backoff);
    }
  }
}

/** Lease-table path: take the oldest takeable job from the store and run it. False when there was none. */
async function tableStep(ctx: RunContext, config: WorkerConfig): Promise<boolean> {
  const take: TakeOptions = {
    holder: newHolder(config.id),
    ttlMs: config.ttlMs,
    maxAttempts: config.maxAttempts,
    takeExpired: !config.bugs.has('no-lease-expiry'), // PLANTED BUG no-lease-expiry when false
  };
  const job = await ctx.store.takeJob(take);
  if (!job) return false;
  ctx.log(`took job ${job.id} (attempt ${job.attempts}) ${job.source}`);
  await runLeased(ctx, config, job, take.holder, () => ctx.store.refreshLease(job.id, take.holder, config.ttlMs));
  return true;
}
