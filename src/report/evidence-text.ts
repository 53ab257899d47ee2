// A verdict's evidence as plain text lines (JUnit failure bodies): stalls, missing keys, violations,
// the converge condition, slow recoveries, or the error of a checker that crashed.
import type {
  ConsistencyEvidence, ConvergeEvidence, FaultRef, JudgedVerdict, NoLossEvidence, Page, ProgressEvidence, RecoveryEvidence, WakeUpEvidence,
} from '../checks/index.js';
import { formatMs } from '../common/index.js';
import { fmtT } from './input.js';

// "fault 3 (worker.1 at 12.345 s)" for each fault cited.
export function faultsText(faults: readonly FaultRef[] | undefined): string {
  if (!faults || faults.length === 0) return 'no fault near it';
  return faults.map((f) => `fault ${f.seq} (${f.kind ? `${f.kind} ` : ''}${f.instance} at ${fmtT(f.firedMs)})`).join(', ');
}

// Stalls of the progress evidence.
function progressLines(e: ProgressEvidence): string[] {
  const head = `judged ${fmtT(e.fromMs)} .. ${fmtT(e.toMs)}: ${e.increases} increases in ${e.samples} samples, ${e.errors} probe errors`;
  return [head, ...e.stalls.map((s) => `stall ${fmtT(s.fromMs)} .. ${fmtT(s.toMs)} (${formatMs(s.durationMs)}) after ${faultsText(s.faults)}`)];
}

// Missing keys of the no_loss evidence.
function noLossLines(e: NoLossEvidence): string[] {
  const head = `${e.acked} acknowledged, ${e.present} present, ${e.lost} lost (final sample at ${fmtT(e.finalMs)})`;
  return [head, ...e.missing.map((m) => `missing "${m.key}" acked at ${fmtT(m.ackMs)}, then ${faultsText(m.faultsAfter)}`)];
}

// Violating samples of the consistency evidence.
function consistencyLines(e: ConsistencyEvidence): string[] {
  const head = `${e.checks} checks, ${e.violating} found violations, ${e.errors} probe errors${e.faultsBefore.length ? `; first after ${faultsText(e.faultsBefore)}` : ''}`;
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
  const head = `${e.perFault.length} faults, limit ${formatMs(e.withinMs)}: ${e.overLimit} over the limit (${e.neverRecovered} never recovered), ${e.undetermined + e.unreadable} not judged`;
  return [head, ...bad.map((f) => `fault ${f.seq} ${f.instance} at ${fmtT(f.firedMs)}: ${f.issue ?? 'not ok'}, recovery ${formatMs(f.recoveryMs)}, ready ${fmtT(f.readyMs)}`)];
}

// One page: when, until when, what, the faults before it and the instance's last lines.
export function pageLines(p: Page): string[] {
  const until = p.untilMs === null ? 'still on at the end' : `until ${fmtT(p.untilMs)}`;
  return [
    `page at ${fmtT(p.atMs)} (${until}): ${p.what}; ${p.faultsBefore.length > 0 ? `after ${faultsText(p.faultsBefore)}` : 'no fault before it'}`,
    ...p.tail.map((line) => `  | ${line}`),
  ];
}

// Every page, then the exits of their own and the users' objectives.
function wakeUpLines(e: WakeUpEvidence): string[] {
  const head = e.woken ? `${e.pages.length} page${e.pages.length === 1 ? '' : 's'}, the first at ${fmtT(e.firstPageMs)}` : 'no page';
  const exits = e.selfExits.map((x) => `exit of its own: ${x.instance} (pid ${x.pid}) at ${fmtT(x.t)}, ${x.signal ?? `code ${x.code ?? '?'}`} after ${formatMs(x.uptimeMs)}`);
  const objectives = [e.users?.availability, e.users?.latency].filter((o) => o != null).map((o) =>
    `objective ${o.thresholdMs === null ? 'availability' : `latency ≤ ${formatMs(o.thresholdMs)}`} ${o.target * 100}%: ${o.good} good, ${o.bad} bad, ${Math.round(o.budgetSpent * 100)}% of the budget spent`);
  return [head, ...e.pages.flatMap(pageLines), ...objectives, `${e.selfExitCount} exit${e.selfExitCount === 1 ? ' of its own' : 's of their own'}`, ...exits];
}

// The evidence of a verdict as text lines.
export function evidenceLines(v: JudgedVerdict): string[] {
  const e = v.evidence;
  switch (e.kind) {
    case 'progress': return progressLines(e);
    case 'no_loss': return noLossLines(e);
    case 'consistency': return consistencyLines(e);
    case 'converge': return convergeLines(e);
    case 'recovery': return recoveryLines(e);
    case 'wake_up': return wakeUpLines(e);
    case 'crash': return [`the checker crashed: ${e.error}`];
  }
}
