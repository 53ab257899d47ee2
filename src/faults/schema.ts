// The faults file: an explicit list of faults to replay instead of a seeded schedule, the same facts
// a run records for each fault (time, target, kind, and where an armed one lands).
import { z } from 'zod';
import { parseDuration } from '../scenario/index.js';

const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = parseDuration(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected a duration like "500ms", "10s" or "2m", got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return ms;
});

/** One fault: at `at` after the load starts, hurt `target`. */
export const faultEntrySchema = z.strictObject({
  at: duration.describe('when, from the start of the load (the chaos phase): "12.5s" or ms'),
  target: z.string().min(1).describe('an instance (worker.0); for a point kill also a component (worker): any of its instances'),
  kind: z.enum(['kill', 'pause', 'power-loss']).describe('kill (SIGKILL of the group), pause (SIGSTOP, then SIGCONT) or power-loss'),
  duration: duration.optional().describe('pause: how long (default 7s)'),
  armed: z.strictObject({ nth: z.number().int().min(1).describe('the nth persistence call after arming (strace counts per syscall and thread)') })
    .optional().describe('kill or pause: land on a persistence call instead of at once'),
  point: z.strictObject({
    syscall: z.string().min(1),
    path: z.string().min(1).describe('the folded path, as `crashtest explore` prints it: data/out/*.raw.tmp-*'),
    occurrence: z.number().int().min(1).default(1).describe('the k-th call at the point after `at` (default 1)'),
  }).optional().describe('kill: at the k-th call of one syscall on files of one shape'),
});

export const faultsFileSchema = z.strictObject({
  faults: z.array(faultEntrySchema).describe('the faults, in any order'),
});

export type FaultEntry = z.infer<typeof faultEntrySchema>;
/** What a faults file says, before it is checked against a scenario; also what `shrink` writes. */
export type FaultEntryInput = z.input<typeof faultEntrySchema>;
