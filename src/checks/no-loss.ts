// no_loss: every acknowledged write must be present at the end — each key of an 'acked' op must be
// among the items of the probe's final sample; missing keys are listed with the faults that followed.
import type { RunMs } from '../store/index.js';
import type { History } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { NoLossEvidence } from './evidence.js';
import type { Verdict } from './checker.js';
import { faultsBetween, finalSample, requireNonNegative } from './checker.js';

/** At most this many missing keys are listed in the evidence. */
export const MAX_MISSING_LISTED = 20;

/** Options of the no_loss checker. */
export interface NoLossOptions {
  /** name of the probe whose final sample lists the keys present (items); required, no default */
  probe: string;
  /** faults fired within this many ms after an ack are cited with a missing key, in ms; default 10000 */
  faultWindowMs?: number;
}

// Distinct acknowledged keys with their earliest ack time.
function ackedKeys(history: History): Map<string, RunMs> {
  const keys = new Map<string, RunMs>();
  for (const op of history.ops) {
    if (op.outcome !== 'acked') continue;
    const at = op.ackMs ?? op.endMs;
    const seen = keys.get(op.key);
    if (seen === undefined || at < seen) keys.set(op.key, at);
  }
  return keys;
}

// Checks no_loss against the probe's final sample (the latest with final=true).
// 'unknown' when there is no final sample, it failed or listed no items, or when no write was
// acknowledged at all: with nothing to lose, the run proves nothing about durability (never a pass).
export function checkNoLoss(history: History, opts: NoLossOptions): Verdict<NoLossEvidence> {
  const faultWindowMs = opts.faultWindowMs ?? 10_000;
  requireNonNegative('faultWindowMs', faultWindowMs);
  const base = { name: 'no_loss', kind: 'no_loss' as const };
  const keys = ackedKeys(history);
  const final = finalSample(history, opts.probe);
  const evidence: NoLossEvidence = { acked: keys.size, present: 0, lost: 0, finalMs: final?.t ?? null, missing: [] };
  const unknown = (summary: string): Verdict<NoLossEvidence> => ({ ...base, valid: 'unknown', summary, evidence });
  if (final === null) return unknown(`no final sample of probe "${opts.probe}"`);
  if (final.error !== undefined) return unknown(`final sample of probe "${opts.probe}" failed: ${final.error}`);
  if (final.items === undefined) return unknown(`final sample of probe "${opts.probe}" listed no items`);
  if (keys.size === 0) return unknown('no acknowledged writes to check');
  const present = new Set(final.items);
  const missing = [...keys].filter(([key]) => !present.has(key)).sort((a, b) => a[1] - b[1]);
  evidence.lost = missing.length;
  evidence.present = keys.size - missing.length;
  evidence.missing = missing.slice(0, MAX_MISSING_LISTED).map(([key, ackMs]) => ({
    key,
    ackMs,
    faultsAfter: faultsBetween(history, ackMs, ackMs + faultWindowMs),
  }));
  if (missing.length === 0) return { ...base, valid: true, summary: `all ${keys.size} acknowledged writes present`, evidence };
  const first = evidence.missing[0];
  const summary = `lost ${missing.length} of ${keys.size} acknowledged writes (first "${first.key}", acked at ${formatMs(first.ackMs)})`;
  return { ...base, valid: false, summary, evidence };
}
