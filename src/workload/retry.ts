// Exponential randomized backoff with full jitter, honouring the server's Retry-After, never past the deadline.
import type { Random } from '../chaos/index.js';

export interface RetryRules {
  /** first backoff, ms; doubled per attempt */
  baseMs: number;
  /** longest backoff, ms */
  capMs: number;
}

/** Full jitter: a random delay in [0, min(cap, base · 2^attempt)] (attempt counts from 0). */
export function backoffMs(attempt: number, rules: RetryRules, random: Random): number {
  const ceiling = Math.min(rules.capMs, rules.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random.float() * (ceiling + 1));
}

/** Parses Retry-After (seconds, or an HTTP date) into ms from `nowEpochMs`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, nowEpochMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowEpochMs);
}

/** The wait before the next attempt: the server's Retry-After when given, else the backoff; clipped to the time left. */
export function nextDelayMs(options: { attempt: number; retryAfterMs?: number; rules: RetryRules; random: Random; leftMs: number }): number {
  const wanted = options.retryAfterMs ?? backoffMs(options.attempt, options.rules, options.random);
  return Math.max(0, Math.min(wanted, options.leftMs));
}
