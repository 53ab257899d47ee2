// consistency: a probe that lists violations (rows/lines breaking an invariant) must list none,
// in every sample taken during the run and in the final one.
import type { History } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { ConsistencyEvidence } from './evidence.js';
import type { Verdict } from './checker.js';
import { faultsBetween, probeSamples } from './checker.js';

/** At most this many violating samples are listed in the evidence. */
export const MAX_VIOLATIONS_LISTED = 20;
/** At most this many faults fired before the first violation are named in the evidence. */
export const MAX_FAULTS_BEFORE = 3;
/** At most this many items (violations) are listed per violating sample. */
export const MAX_ITEMS_LISTED = 10;

/** Options of the consistency checker. */
export interface ConsistencyOptions {
  /** name of the probe whose items are violations (an empty list = consistent); required, no default */
  probe: string;
}

// Checks consistency: every sample that answered must list zero items (a sample without items counts
// as zero). Errored samples are counted, not judged; 'unknown' when there is no sample or all errored.
export function checkConsistency(history: History, opts: ConsistencyOptions): Verdict<ConsistencyEvidence> {
  const base = { name: 'consistency', kind: 'consistency' as const };
  const samples = probeSamples(history, opts.probe);
  const answered = samples.filter((s) => s.error === undefined);
  const bad = answered.filter((s) => (s.items?.length ?? 0) > 0);
  const evidence: ConsistencyEvidence = {
    checks: answered.length,
    violating: bad.length,
    violations: bad.slice(0, MAX_VIOLATIONS_LISTED).map((s) => ({
      t: s.t,
      final: s.final,
      count: s.items?.length ?? 0,
      items: (s.items ?? []).slice(0, MAX_ITEMS_LISTED),
    })),
    errors: samples.length - answered.length,
    faultsBefore: bad.length > 0 ? faultsBetween(history, -Infinity, bad[0].t).slice(-MAX_FAULTS_BEFORE) : [],
  };
  if (samples.length === 0) {
    return { ...base, valid: 'unknown', summary: `no samples of probe "${opts.probe}"`, evidence };
  }
  if (answered.length === 0) {
    const summary = `all ${samples.length} samples of probe "${opts.probe}" failed (${samples[0].error})`;
    return { ...base, valid: 'unknown', summary, evidence };
  }
  return { ...base, valid: bad.length === 0, summary: consistencySummary(evidence), evidence };
}

// "40 checks, no violations" or "3 of 40 checks found violations, first at 12.3 s: <item>" (+ "; 2 probe errors").
function consistencySummary(e: ConsistencyEvidence): string {
  const errs = e.errors === 0 ? '' : `; ${e.errors} probe error${e.errors === 1 ? '' : 's'}`;
  const checks = e.checks === 1 ? '1 check' : `${e.checks} checks`;
  if (e.violating === 0) return `${checks}, no violations${errs}`;
  const first = e.violations[0];
  const after = e.faultsBefore.length ? ` (after ${e.faultsBefore.map((f) => `fault ${f.seq}: ${f.kind ? `${f.kind} ` : ''}${f.instance} at ${formatMs(f.firedMs)}`).join(', ')})` : '';
  return `${e.violating} of ${checks} found violations, first at ${formatMs(first.t)}${after}: ${first.items[0]}${errs}`;
}
