// The wake_up invariant's schema: "Will you need to urgently wake up?" Judged by default (`wake_up: false`
// turns it off); every key has a default that suits a run of a minute or so.
import { z } from 'zod';
import { duration } from './duration-schema.js';

/** A good fraction: "99.9%" or a number between 0 and 1 (0.999); parsed to the fraction. */
export const objectiveTarget = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
  const fraction = typeof value === 'number' ? value : match ? Number(match[1]) / 100 : NaN;
  if (!(fraction > 0 && fraction < 1)) {
    ctx.addIssue({ code: 'custom', message: `expected an objective like "99.9%" or 0.999 (above 0, below 100%), got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return fraction;
});

const settings = z.strictObject({
  back_within: duration.optional()
    .describe('every instance that went down (killed or exiting on its own) ready again within this (default: recovery.within, else 30s)'),
  crash_loop: z.strictObject({
    exits: z.number().int().min(1).default(3).describe('exits of its own by one instance that make a crash loop (default 3)'),
    within: duration.default(60_000).describe('... within this span (default 1m)'),
  }).prefault({}).describe('an instance that keeps exiting on its own pages'),
  availability: z.union([objectiveTarget, z.literal(false)]).default(0.99)
    .describe('objective: operations acknowledged within their deadline / operations (default 99%; false: not judged)'),
  latency: z.strictObject({
    threshold: duration.describe('an operation is fast enough when acknowledged within this of its start'),
    target: objectiveTarget.default(0.99).describe('objective: fast-enough operations / operations (default 99%)'),
  }).optional().describe('latency objective (default: none)'),
  hour: duration.optional()
    .describe('the run\'s stand-in for one production hour; the page rules\' windows scale by it (default: a twelfth of duration)'),
  alerts: z.strictObject({
    probe: z.string().describe('a probe listing the alerts firing (one item each) or counting them'),
    for: duration.default(0).describe('an alert firing longer than this pages (default 0s: any)'),
  }).optional().describe('the user\'s own alerts'),
});

/** wake_up: settings, or false to leave the question unanswered. */
export const wakeUp = z.union([z.literal(false), settings]);

/** The settings of wake_up, durations in ms and targets as fractions. */
export type WakeUpSpec = z.infer<typeof settings>;

/** wake_up's settings when the scenario does not write it: every default. */
export const WAKE_UP_DEFAULTS: WakeUpSpec = settings.parse({});
