// The crash-only client: one operation, retried with backoff until acknowledged, rejected, or its
// deadline (TTL) runs out; every attempt is kept for the record.
import type { Random } from '../chaos/index.js';
import { sleep } from '../common/index.js';
import type { OpAttempt, OpRecord } from '../store/index.js';
import { nextDelayMs, parseRetryAfter, type RetryRules } from './retry.js';
import type { Operation, Transport } from './transport.js';

export interface ClientOptions {
  transport: Transport;
  rules: RetryRules;
  /** one attempt's timeout, ms (clipped to the time left) */
  attemptTimeoutMs: number;
  random: Random;
  /** run-relative clock, ms */
  now: () => number;
  /** stops retrying at once (the run is aborted) */
  signal?: AbortSignal;
}

/** Performs `op` (deadline in epoch ms) and returns its record: acked, rejected, or gave_up. */
export async function perform(op: Operation, options: ClientOptions): Promise<OpRecord> {
  const startMs = options.now();
  const attempts: OpAttempt[] = [];
  for (let attempt = 0; ; attempt++) {
    const leftMs = op.deadlineEpochMs - Date.now();
    if (leftMs <= 0 || options.signal?.aborted) break;
    const t = options.now();
    const result = await options.transport(op, Math.min(options.attemptTimeoutMs, leftMs));
    const endMs = options.now();
    attempts.push({ t, outcome: result.detail, latencyMs: endMs - t });
    if (result.kind === 'ack') return { seq: op.seq, key: op.key, startMs, endMs, outcome: 'acked', attempts, ackMs: endMs };
    if (result.kind === 'reject') return { seq: op.seq, key: op.key, startMs, endMs, outcome: 'rejected', attempts, detail: result.detail };
    const retryAfterMs = parseRetryAfter(result.retryAfter, Date.now());
    const delay = nextDelayMs({ attempt, retryAfterMs, rules: options.rules, random: options.random, leftMs: op.deadlineEpochMs - Date.now() });
    await sleep(delay, options.signal).catch(() => undefined); // aborted: the loop ends at its next check
  }
  const last = attempts.at(-1)?.outcome ?? 'no attempt';
  return { seq: op.seq, key: op.key, startMs, endMs: options.now(), outcome: 'gave_up', attempts, detail: `deadline reached after ${attempts.length} attempts (last: ${last})` };
}
