// The reconciler: rebuilds the volatile Redis queue from the primary store (notices an emptied Redis by its epoch
// key, and requeues every unfinished job with no live lease). Idempotent: safe to kill at any point.
import { setTimeout as sleep } from 'node:timers/promises';
import { flags, requireString, parseDuration } from '../cli/args.js';
import { parseBugs, type Bugs } from './bugs.js';
import { openStore, type Store } from './store.js';
import { connectRedis, Queue } from './queue.js';
import { isUnavailable } from './unavailable.js';

const log = (line: string) => console.log(`reconciler: ${line}`);

/** reconciler --db PATH|URL --redis URL [--every 1s] [--bug NAME]... */
export async function reconcilerCommand(argv: string[]): Promise<void> {
  const { values } = flags('reconciler', argv, {
    db: { type: 'string' }, redis: { type: 'string' }, every: { type: 'string' }, bug: { type: 'string', multiple: true },
  });
  const db = requireString('reconciler', values, 'db');
  const redisUrl = requireString('reconciler', values, 'redis');
  const everyMs = parseDuration(String(values.every ?? '1s'), '--every');
  const bugs = parseBugs(values.bug as string[] | undefined);
  const store = await openStore(db, { busyTimeoutMs: 5000, waitForServer: true, log });
  const queue = new Queue(connectRedis(redisUrl, log));
  console.log(`reconciler ready (pid ${process.pid}, every ${everyMs} ms)`);
  let backoff = 0;
  for (;;) {
    try {
      await tick(store, queue, bugs);
      backoff = 0;
      await sleep(everyMs);
    } catch (err) {
      if (!isUnavailable(err)) throw err; // crash-only: anything unexpected kills the reconciler
      backoff = Math.min(Math.max(backoff * 2, 100), 2000);
      log(`store or queue unavailable (${(err as Error).message}); retrying in ${backoff} ms`);
      await sleep(backoff);
    }
  }
}

/** One pass: set the epoch if Redis lost it, then queue every pending/running job with no lease and not queued. */
export async function tick(store: Store, queue: Queue, bugs: Bugs): Promise<number> {
  const epoch = await queue.newEpoch();
  if (epoch) log(`redis has no epoch: it started empty; new epoch ${epoch}, rebuilding the queue from the store`);
  if (bugs.has('no-reconcile')) return 0; // PLANTED BUG no-reconcile: the queue is never rebuilt
  const ids = await store.unfinishedIds();
  let queued = 0;
  for (const id of ids) if (await queue.requeue(id)) queued += 1;
  if (queued > 0 || epoch) log(`queued ${queued} of ${ids.length} unfinished jobs again`);
  return queued;
}
