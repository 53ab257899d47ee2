// The scenario's duration type, shared by every part of the schema: "500ms", "10s", "2m", "1h" or ms.
import { z } from 'zod';
import { parseDuration } from './duration.js';

/** A duration: "500ms", "10s", "2m", "1h" or a number of milliseconds; parsed to milliseconds. */
export const duration = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like "500ms", "10s" or "2m", got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return ms;
  });

