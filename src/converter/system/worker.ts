// The worker process: forever take a job with a lease, convert it, commit the outcome. No shutdown path:
// it is stopped by being killed, and whatever it held is taken over once its lease expires.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { flags, requireString, intFlag, parseDuration } from '../cli/args.js';
import { openDb, isBusy, type Db } from './db.js';
import { parseBugs, type Bugs } from './bugs.js';
import { takeJob, type TakeOptions } from './leases.js';
import { LeaseKeeper } from './lease-keeper.js';
import { runJob, type RunContext } from './job-run.js';

const WORKER_BUSY_TIMEOUT_MS = 5000;

interface WorkerConfig { id: string; ttlMs: number; pollMs: number; maxAttempts: number; bugs: Bugs }

/** worker --db PATH --data DIR --id NAME [--lease-ttl 5s] [--poll 50ms] [--max-attempts 20] [--bug NAME]... */
export async function workerCommand(argv: string[]): Promise<void> {
  const { values } = flags('worker', argv, {
    db: { type: 'string' }, data: { type: 'string' }, id: { type: 'string' },
    'lease-ttl': { type: 'string' }, poll: { type: 'string' }, 'max-attempts': { type: 'string' },
    bug: { type: 'string', multiple: true },
  });
  const dbPath = requireString('worker', values, 'db');
  fs.mkdirSync(path.join(path.resolve(requireString('worker', values, 'data')), 'out'), { recursive: true });
  const config: WorkerConfig = {
    id: requireString('worker', values, 'id'),
    ttlMs: parseDuration(String(values['lease-ttl'] ?? '5s'), '--lease-ttl'),
    pollMs: parseDuration(String(values.poll ?? '50ms'), '--poll'),
    maxAttempts: intFlag(values, 'max-attempts', 20),
    bugs: parseBugs(values.bug as string[] | undefined),
  };
  const db = openDb(dbPath, { busyTimeoutMs: WORKER_BUSY_TIMEOUT_MS });
  console.log(`worker ${config.id} ready (pid ${process.pid}, lease ttl ${config.ttlMs} ms)`);
  await loop(db, config);
}

async function loop(db: Db, config: WorkerConfig): Promise<never> {
  const log = (line: string) => console.log(`worker ${config.id}: ${line}`);
  const ctx: RunContext = { db, bugs: config.bugs, log };
  for (;;) {
    const take: TakeOptions = {
      holder: `${config.id}/${process.pid}/${crypto.randomBytes(4).toString('hex')}`,
      ttlMs: config.ttlMs,
      maxAttempts: config.maxAttempts,
      takeExpired: !config.bugs.has('no-lease-expiry'), // PLANTED BUG no-lease-expiry when false
    };
    const job = takeOrNull(db, take);
    if (!job) {
      await sleep(config.pollMs);
      continue;
    }
    log(`took job ${job.id} (attempt ${job.attempts}) ${job.source}`);
    // PLANTED BUG lease-not-refreshed: with it, the lease is never refreshed and expires mid-conversion.
    const lease = new LeaseKeeper(db, job.id, take.holder, config.ttlMs, !config.bugs.has('lease-not-refreshed'));
    try {
      await runJob(ctx, job, lease);
    } finally {
      lease.stop();
    }
  }
}

function takeOrNull(db: Db, take: TakeOptions): ReturnType<typeof takeJob> {
  try {
    return takeJob(db, take);
  } catch (err) {
    if (isBusy(err)) return null; // the database stayed locked for 5 s; poll again
    throw err;
  }
}
