// The evidence each checker returns, described once as zod schemas: the TypeScript types are inferred
// from them and parse-evidence.ts validates stored evidence against them. Times are run-relative ms.
import { z } from 'zod';
import type { InvariantKind } from './checker.js';

const ms = z.number().describe('run-relative time, ms');
const count = z.int().min(0);
const validity = z.union([z.boolean(), z.literal('unknown')]);

/** A fault as cited in evidence: which one, which instance, when it fired, what it did (absent before kinds existed). */
export const faultRefSchema = z.object({ seq: z.int(), instance: z.string(), firedMs: ms, kind: z.string().optional() });

/** A span without any increase, longer than the window, with the faults fired in or up to windowMs before it. */
export const stallSchema = z.object({ fromMs: ms, toMs: ms, durationMs: z.number(), faults: z.array(faultRefSchema) });

/** Evidence of the progress checker: the judged span [chaos start, quiet start], stalls, increase/sample/error counts. */
export const progressEvidenceSchema = z.object({
  fromMs: ms, toMs: ms, stalls: z.array(stallSchema),
  increases: count.describe('samples whose value rose above the previous readable value'),
  samples: count.describe('samples of the probe inside the span'),
  errors: count.describe('of those, samples where the probe failed or returned no number'),
});

/** An acknowledged key absent from the final sample, with the faults fired just after its ack. */
export const missingKeySchema = z.object({ key: z.string(), ackMs: ms, faultsAfter: z.array(faultRefSchema) });

/** Evidence of the no_loss checker; counts are of DISTINCT acknowledged keys; `missing` lists the first 20 by ack time. */
export const noLossEvidenceSchema = z.object({
  acked: count, present: count, lost: count, finalMs: ms.nullable(), missing: z.array(missingKeySchema),
});

/** One sample that found violations: how many, and the first 10 of them. */
export const violatingSampleSchema = z.object({ t: ms, final: z.boolean(), count, items: z.array(z.string()) });

/** Evidence of the consistency checker: samples that answered, how many found violations (first 20 listed), probe errors. */
export const consistencyEvidenceSchema = z.object({
  checks: count, violating: count, violations: z.array(violatingSampleSchema), errors: count,
  faultsBefore: z.array(faultRefSchema).default([]).describe('the last faults fired before the first violating sample'),
});

/** Evidence of the converge checker: the condition as text ("<= 0"), the deadline, when it was met, the last value judged. */
export const convergeEvidenceSchema = z.object({
  condition: z.string(), quietStartMs: ms, deadlineMs: ms, metAtMs: ms.nullable(),
  lastValue: z.number().nullable().describe('null when the last sample failed'), lastMs: ms.nullable(),
});

/** Why a fault's recovery is not ok. */
export const recoveryIssueSchema = z.enum(['over_limit', 'never_ready', 'no_progress', 'near_end', 'probe_unreadable', 'superseded']);

/** How one fired fault was recovered from (recoveryMs = max(ready, progress) - fired; null when not recovered). */
export const faultRecoverySchema = z.object({
  seq: z.int(), instance: z.string(), component: z.string(), firedMs: ms, readyMs: ms.nullable(), progressMs: ms.nullable(),
  recoveryMs: z.number().nullable(), ok: validity, issue: recoveryIssueSchema.nullable(),
});

/** count, p50, p99 and max (nearest rank) of a list of durations in ms; null percentiles when it is empty. */
export const distributionSchema = z.object({
  count, p50: z.number().nullable(), p99: z.number().nullable(), max: z.number().nullable(),
});

/** Evidence of the recovery checker: per fault, per component, and the counts of failed and unjudged faults. */
export const recoveryEvidenceSchema = z.object({
  withinMs: z.number(), perFault: z.array(faultRecoverySchema), perComponent: z.record(z.string(), distributionSchema),
  overLimit: count, neverRecovered: count, undetermined: count,
  // absent from verdicts stored before kills that cut a recovery short were told apart
  superseded: count.default(0), unreadable: count,
});

/** What would have paged: a crash loop, an instance down too long (or for good), the users' error budget
 * burning fast, or one of the user's own alerts firing past its `for:`. */
export const pageCauseSchema = z.enum(['crash_loop', 'stayed_down', 'slow_return', 'budget_burn', 'alert']);

/** One reason the operator would have been woken: when (atMs: the moment the page would go out), until when, why. */
export const pageSchema = z.object({
  cause: pageCauseSchema, atMs: ms, untilMs: ms.nullable().describe('when it stopped (null: still on at the end)'),
  what: z.string().describe('one line, e.g. "availability burned the budget 20x over 5 s and 417 ms"'),
  instance: z.string().nullable(), faultsBefore: z.array(faultRefSchema),
  tail: z.array(z.string()).describe('an instance that exited on its own: its last output lines'),
});

/** An exit crashtest did not cause (cause "self"), with the instance's last output lines. */
export const selfExitSchema = z.object({
  instance: z.string(), pid: z.int(), t: ms, code: z.int().nullable(), signal: z.string().nullable(), uptimeMs: z.number(),
  tail: z.array(z.string()),
});

/** One objective on the client's view: target, events judged, bad ones, share of the run's error budget spent. */
export const objectiveSchema = z.object({
  target: z.number().describe('good fraction, e.g. 0.99'), thresholdMs: z.number().nullable().describe('latency objective: acked within this'),
  good: count, bad: count, budgetSpent: z.number().describe('bad / (allowed bad over the run): 1 = the whole budget'),
});

/** A page rule: both windows burn the budget at least burnRate times as fast as it allows. */
export const pageRuleSchema = z.object({ name: z.string(), burnRate: z.number(), longMs: z.number(), shortMs: z.number() });

/** Evidence of the wake_up checker: every page by time, the exits of their own, downs, the users' view, the user's alerts. */
export const wakeUpEvidenceSchema = z.object({
  woken: z.boolean(), firstPageMs: ms.nullable(), pages: z.array(pageSchema).describe('first 20, by time'),
  selfExitCount: count, selfExits: z.array(selfExitSchema).describe('first 20, by time'),
  downs: count.describe('times an instance went down (killed or of its own)'),
  slowestBackMs: z.number().nullable().describe('longest time an instance took to be ready again'), backWithinMs: z.number(),
  users: z.object({
    ops: count, inFlight: count, hourMs: z.number().describe('the run\'s stand-in for one production hour'), rules: z.array(pageRuleSchema),
    availability: objectiveSchema.nullable(), latency: objectiveSchema.nullable(),
  }).nullable().describe('null when the run had no workload'),
  alerts: z.object({
    probe: z.string(), forMs: z.number(), samples: count, errors: count,
    firing: z.array(z.object({ alert: z.string(), fromMs: ms, toMs: ms, durationMs: z.number() })),
  }).nullable(),
});

/** Evidence of a checker that threw instead of judging (its verdict is 'unknown'). */
export const crashEvidenceSchema = z.object({ error: z.string() });

export type FaultRef = z.infer<typeof faultRefSchema>;
export type Stall = z.infer<typeof stallSchema>;
export type ProgressEvidence = z.infer<typeof progressEvidenceSchema>;
export type MissingKey = z.infer<typeof missingKeySchema>;
export type NoLossEvidence = z.infer<typeof noLossEvidenceSchema>;
export type ViolatingSample = z.infer<typeof violatingSampleSchema>;
export type ConsistencyEvidence = z.infer<typeof consistencyEvidenceSchema>;
export type ConvergeEvidence = z.infer<typeof convergeEvidenceSchema>;
export type RecoveryIssue = z.infer<typeof recoveryIssueSchema>;
export type FaultRecovery = z.infer<typeof faultRecoverySchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type RecoveryEvidence = z.infer<typeof recoveryEvidenceSchema>;
export type CrashEvidence = z.infer<typeof crashEvidenceSchema>;
export type PageCause = z.infer<typeof pageCauseSchema>;
export type Page = z.infer<typeof pageSchema>;
export type SelfExit = z.infer<typeof selfExitSchema>;
export type ObjectiveResult = z.infer<typeof objectiveSchema>;
export type PageRule = z.infer<typeof pageRuleSchema>;
export type WakeUpEvidence = z.infer<typeof wakeUpEvidenceSchema>;

/** The evidence schema of each invariant kind. */
export const EVIDENCE_SCHEMAS = {
  progress: progressEvidenceSchema,
  no_loss: noLossEvidenceSchema,
  consistency: consistencyEvidenceSchema,
  converge: convergeEvidenceSchema,
  recovery: recoveryEvidenceSchema,
  wake_up: wakeUpEvidenceSchema,
} as const satisfies Record<InvariantKind, z.ZodType>;

/** Evidence read back, tagged with its shape: the invariant kind, or 'crash' when the checker threw. */
export type Evidence =
  | ({ kind: 'progress' } & ProgressEvidence)
  | ({ kind: 'no_loss' } & NoLossEvidence)
  | ({ kind: 'consistency' } & ConsistencyEvidence)
  | ({ kind: 'converge' } & ConvergeEvidence)
  | ({ kind: 'recovery' } & RecoveryEvidence)
  | ({ kind: 'wake_up' } & WakeUpEvidence)
  | ({ kind: 'crash' } & CrashEvidence);
