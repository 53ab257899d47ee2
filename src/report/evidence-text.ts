// A verdict's evidence as plain text lines (JUnit failure bodies): stalls, missing keys, violations,
// the converge condition, slow recoveries; anything else as indented JSON.
import type { StoredVerdict } from '../store/index.js';
import type {
  ConsistencyEvidence, ConvergeEvidence, FaultRef, NoLossEvidence, ProgressEvidence, RecoveryEvidence,
} from '../checks/index.js';
import { fmtDur, fmtT } from './input.js';

// "fault 3 (worker.1 at 12.345 s)" for each fault cited.
export function faultsText(faults: readonly FaultRef[] | undefined): string {
  if (!faults || faults.length === 0) return 'no fault near it';
  return faults.map((f) => `fault ${f.seq} (${f.instance} at ${fmtT(f.firedMs)})`).join(', ');
}

// Whether the evidence is an object carrying every one of these keys.
export function hasKeys(evidence: unknown, keys: readonly string[]): boolean {
  return typeof evidence === 'object' && evidence !== null && keys.every((k) => k in evidence);
}

// Stalls of the progress evidence.
function progressLines(e: ProgressEvidence): string[] {
  const head = `judged ${fmtT(e.fromMs)} .. ${fmtT(e.toMs)}: ${e.increases} increases in ${e.samples} samples, ${e.errors} probe errors`;
  return [head, ...e.stalls.map((s) => `stall ${fmtT(s.fromMs)} .. ${fmtT(s.toMs)} (${fmtDur(s.durationMs)}) after ${faultsText(s.faults)}`)];
}

// Missing keys of the no_loss evidence.
function noLossLines(e: NoLossEvidence): string[] {
  const head = `${e.acked} acknowledged, ${e.present} present, ${e.lost} lost (final sample at ${fmtT(e.finalMs)})`;
  return [head, ...e.missing.map((m) => `missing "${m.key}" acked at ${fmtT(m.ackMs)}, then ${faultsText(m.faultsAfter)}`)];
}

// Violating samples of the consistency evidence.
function consistencyLines(e: ConsistencyEvidence): string[] {
  const head = `${e.checks} checks, ${e.violating} found violations, ${e.errors} probe errors`;
  const rows = e.violations.flatMap((v) => [
    `at ${fmtT(v.t)}${v.final ? ' (final)' : ''}: ${v.count} violation${v.count === 1 ? '' : 's'}`,
    ...v.items.map((item) => `  ${item}`),
  ]);
  return [head, ...rows];
}

// The converge condition and what was seen.
function convergeLines(e: ConvergeEvidence): string[] {
  return [
    `condition ${e.condition} by ${fmtT(e.deadlineMs)} (quiet from ${fmtT(e.quietStartMs)})`,
    e.metAtMs === null ? 'never met in time' : `met at ${fmtT(e.metAtMs)}`,
    `last value ${e.lastValue ?? 'unreadable'} at ${fmtT(e.lastMs)}`,
  ];
}

// The faults that did not recover in time.
function recoveryLines(e: RecoveryEvidence): string[] {
  const bad = e.perFault.filter((f) => f.ok !== true);
  const head = `${e.perFault.length} faults, limit ${fmtDur(e.withinMs)}: ${e.overLimit} over the limit (${e.neverRecovered} never recovered), ${e.undetermined + e.unreadable} not judged`;
  return [head, ...bad.map((f) => `fault ${f.seq} ${f.instance} at ${fmtT(f.firedMs)}: ${f.issue ?? 'not ok'}, recovery ${fmtDur(f.recoveryMs)}, ready ${fmtT(f.readyMs)}`)];
}

// The evidence of a verdict as text lines.
export function evidenceLines(v: StoredVerdict): string[] {
  const e = v.evidence;
  if (v.kind === 'progress' && hasKeys(e, ['stalls', 'fromMs'])) return progressLines(e as ProgressEvidence);
  if (v.kind === 'no_loss' && hasKeys(e, ['missing', 'acked'])) return noLossLines(e as NoLossEvidence);
  if (v.kind === 'consistency' && hasKeys(e, ['violations', 'checks'])) return consistencyLines(e as ConsistencyEvidence);
  if (v.kind === 'converge' && hasKeys(e, ['condition', 'deadlineMs'])) return convergeLines(e as ConvergeEvidence);
  if (v.kind === 'recovery' && hasKeys(e, ['perFault', 'withinMs'])) return recoveryLines(e as RecoveryEvidence);
  return JSON.stringify(e ?? null, null, 2).split('\n');
}
