// The wake_up invariant's schema: "Will you need to urgently wake up?" Judged by default (`wake_up: false`
// turns it off); every key has a default that suits a run of a minute or so.
import { z } from 'zod';
import { duration } from './duration-schema.js';

// "99.9%" or 0.999 as the fraction, or undefined when it is neither (a percentage is read as 99.9e-2,
// so 99.9% is exactly 0.999).
function fraction(value: number | string | boolean): number | undefined {
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
  const parsed = typeof value === 'number' ? value : match ? Number(`${match[1]}e-2`) : NaN;
  return parsed > 0 && parsed < 1 ? parsed : undefined;
}

// One union of plain values, then a transform: a wrong value gets this message, not a union's.
const targetInput = z.union([z.number(), z.string(), z.boolean()]);
const targetMessage = (value: unknown): string => `expected an objective like "99.9%" or 0.999 (above 0, below 100%), got ${JSON.stringify(value)}`;

/** A good fraction: "99.9%" or a number between 0 and 1 (0.999); parsed to the fraction. */
export const objectiveTarget = targetInput.transform((value, ctx) => {
  const parsed = fraction(value);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: targetMessage(value) });
    return z.NEVER;
  }
  return parsed;
});

/** An objective, or false (null once parsed) when it is not to be judged. */
const objectiveOrOff = targetInput.transform((value, ctx) => {
  if (value === false) return null;
  const parsed = fraction(value);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: `${targetMessage(value)} (or false)` });
    return z.NEVER;
  }
  return parsed;
});

const settings = z.strictObject({
  back_within: duration.optional()
    .describe('every instance that went down (killed or exiting on its own) ready again within this (default: recovery.within, else 30s)'),
  crash_loop: z.strictObject({
    exits: z.number().int().min(1).default(3).describe('exits of its own by one instance that make a crash loop (default 3)'),
    within: duration.default(60_000).describe('... within this span (default 1m)'),
  }).prefault({}).describe('an instance that keeps exiting on its own pages'),
  availability: objectiveOrOff.default(0.99)
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

/** wake_up: settings, or false (null once parsed) to leave the question unanswered. Not a union, so a
 * wrong setting is reported at its own key. */
export const wakeUp = z.preprocess((value) => (value === false ? null : value), settings.nullable());

/** The settings of wake_up, durations in ms and targets as fractions. */
export type WakeUpSpec = z.infer<typeof settings>;

/** wake_up's settings when the scenario does not write it: every default. */
export const WAKE_UP_DEFAULTS: WakeUpSpec = settings.parse({});
