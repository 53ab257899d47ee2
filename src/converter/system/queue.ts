// The volatile half in Redis: a list of pending job ids and one lease key per running job (SET NX PX, refreshed
// only by its holder). Redis may lose it all on a kill; the reconciler rebuilds the list from the primary store.
import crypto from 'node:crypto';
import { Redis, ReplyError } from 'ioredis';
import { Unavailable } from './unavailable.js';

export const QUEUE_KEY = 'crashtest:queue';
export const EPOCH_KEY = 'crashtest:epoch';
export const leaseKey = (jobId: string): string => `lease:${jobId}`;

// KEYS[1] lease key; ARGV holder, ttl. Extends our lease; takes it back if Redis lost it (restart) and nobody
// else took it. The primary store's lease row still decides who may finish the job.
const REFRESH = `local v = redis.call('GET', KEYS[1])
if v == ARGV[1] or not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
// KEYS[1] lease key; ARGV holder. Deletes the lease only if it is still ours.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
// KEYS[1] queue, KEYS[2] lease key; ARGV job id. Queues the job unless it is leased or already queued.
const REQUEUE = `if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
if redis.call('LPOS', KEYS[1], ARGV[1]) then return 0 end
redis.call('LPUSH', KEYS[1], ARGV[1])
return 1`;

/** Commands fail at once while disconnected (no offline queue); ioredis reconnects by itself with backoff. */
export function connectRedis(url: string, log: (line: string) => void): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 3000,
    retryStrategy: (times) => Math.min(50 * 2 ** times, 2000),
  });
  let lastLog = 0;
  redis.on('error', (err: Error) => {
    if (Date.now() - lastLog < 2000) return; // one line per 2 s while it is down
    lastLog = Date.now();
    log(`redis at ${url} unavailable: ${err.message} (reconnecting)`);
  });
  return redis;
}

export class Queue {
  constructor(readonly redis: Redis) {}

  async push(jobId: string): Promise<void> {
    await this.guard(() => this.redis.lpush(QUEUE_KEY, jobId));
  }

  /** The oldest queued job id, or null when the list is empty. */
  pop(): Promise<string | null> {
    return this.guard(() => this.redis.rpop(QUEUE_KEY));
  }

  async takeLease(jobId: string, holder: string, ttlMs: number): Promise<boolean> {
    return (await this.guard(() => this.redis.set(leaseKey(jobId), holder, 'PX', ttlMs, 'NX'))) === 'OK';
  }

  async refreshLease(jobId: string, holder: string, ttlMs: number): Promise<boolean> {
    return (await this.guard(() => this.redis.eval(REFRESH, 1, leaseKey(jobId), holder, String(ttlMs)))) === 1;
  }

  async releaseLease(jobId: string, holder: string): Promise<void> {
    await this.guard(() => this.redis.eval(RELEASE, 1, leaseKey(jobId), holder));
  }

  /** Queues the job unless it holds a live lease or is already in the list; true when it was queued. */
  async requeue(jobId: string): Promise<boolean> {
    return (await this.guard(() => this.redis.eval(REQUEUE, 2, QUEUE_KEY, leaseKey(jobId), jobId))) === 1;
  }

  /** Sets a new epoch if Redis has none (it started empty) and returns it; null when the epoch was still there. */
  async newEpoch(): Promise<string | null> {
    const epoch = crypto.randomUUID();
    return (await this.guard(() => this.redis.set(EPOCH_KEY, epoch, 'NX'))) === 'OK' ? epoch : null;
  }

  /** Connection trouble becomes Unavailable (retry later); an error reply from Redis is a bug and stays as is. */
  private async guard<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (err) {
      if (err instanceof ReplyError) throw err;
      throw new Unavailable('redis', err);
    }
  }
}
