// The scenario's duration types, shared by every part of the schema: "500ms", "10s", "2m", "1h" or ms,
// in whole milliseconds and short enough for a Node timer (a longer one fires at once).
import { z } from 'zod';
import { parseDuration } from './duration.js';
import { describeValue } from './describe-value.js';

/** The longest wait a Node timer honours: 2^31 - 1 ms (about 596 h); anything longer fires after 1 ms. */
export const MAX_DURATION_MS = 2 ** 31 - 1;

const EXPECTED = 'a duration like "500ms", "10s" or "2m"';

function durationOf(least: 0 | 1) {
  return z.union([z.string(), z.number()], { error: EXPECTED }).transform((value, ctx) => {
    const ms = parseDuration(value);
    const got = typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
    const fail = (expected: string, why?: string): never => {
      ctx.addIssue({ code: 'custom', message: `expected ${expected}, got ${got}${why ? ` (${why})` : ''}` });
      return z.NEVER;
    };
    if (ms === undefined) return fail(EXPECTED);
    if (least === 1 && ms === 0) return fail('a duration above 0', 'at least 1ms: 0 would spin or fire at once');
    if (ms > 0 && ms < 1) return fail(`${least === 0 ? '0 or ' : ''}at least 1ms`, 'durations count whole milliseconds');
    if (ms > MAX_DURATION_MS) return fail('at most 596h', '2^31 - 1 ms, the longest a timer can wait');
    return Math.round(ms);
  });
}

/** A duration that may be 0 (a delay, a jitter, an offset): parsed to whole milliseconds. */
export const duration = durationOf(0);

/** A duration that must be above 0 (an interval, a timeout, a window): parsed to whole milliseconds, at least 1. */
export const positiveDuration = durationOf(1);
