// The invariants section of the report page: one card per verdict with its evidence as tables
// (stalls, missing keys, violating samples, the converge condition, recovery per fault).
import type {
  ConsistencyEvidence, ConvergeEvidence, JudgedVerdict, NoLossEvidence, ProgressEvidence, RecoveryEvidence, WakeUpEvidence,
} from '../../checks/index.js';
import { formatMs } from '../../common/index.js';
import { faultsText } from '../evidence-text.js';
import { fmtT, statusOf } from '../input.js';
import { attr, esc, foldedTable, kv, pill, statusClass, type Row } from './markup.js';

// Progress: the judged span and every stall with the faults before it.
function progress(e: ProgressEvidence): string {
  const rows: Row[] = e.stalls.map((s) => ({ cells: [fmtT(s.fromMs), fmtT(s.toMs), formatMs(s.durationMs), faultsText(s.faults)], cls: 'bad' }));
  return kv([['judged', `${fmtT(e.fromMs)} → ${fmtT(e.toMs)}`], ['increases', String(e.increases)], ['samples', `${e.samples} (${e.errors} probe errors)`]])
    + foldedTable('stalls', ['from#', 'to#', 'stalled for#', 'faults just before'], rows);
}

// no_loss: counts and the missing keys with the kills after their ack.
function noLoss(e: NoLossEvidence): string {
  const rows: Row[] = e.missing.map((m) => ({ cells: [{ html: `<code>${esc(m.key)}</code>` }, fmtT(m.ackMs), faultsText(m.faultsAfter)], cls: 'bad' }));
  const listed = e.lost > e.missing.length ? ` (first ${e.missing.length} listed)` : '';
  return kv([['acknowledged', String(e.acked)], ['present at the end', String(e.present)], ['lost', `${e.lost}${listed}`], ['final reading', fmtT(e.finalMs)]])
    + foldedTable('missing keys', ['missing key', 'acked at#', 'kills right after'], rows);
}

// consistency: the violating samples and their first items.
function consistency(e: ConsistencyEvidence): string {
  const rows: Row[] = e.violations.map((v) => ({
    cells: [fmtT(v.t), v.final ? 'final' : '', v.count, { html: v.items.map((i) => `<code>${esc(i)}</code>`).join('<br>') }], cls: 'bad',
  }));
  return kv([['checks answered', String(e.checks)], ['with violations', String(e.violating)], ['probe errors', String(e.errors)],
    ['faults before the first', faultsText(e.faultsBefore)]])
    + foldedTable('violating samples', ['at#', '', 'violations#', 'first items'], rows);
}

// converge: the condition, the deadline and what the probe said.
function converge(e: ConvergeEvidence): string {
  return kv([
    ['condition', e.condition], ['quiet period from', fmtT(e.quietStartMs)], ['deadline', fmtT(e.deadlineMs)],
    ['met at', e.metAtMs === null ? 'never, in time' : `${fmtT(e.metAtMs)} (${formatMs(e.metAtMs - e.quietStartMs)} after quiet start)`],
    ['last value', `${e.lastValue ?? 'unreadable'} at ${fmtT(e.lastMs)}`],
  ]);
}

// recovery: the limit, the counts and every fault with its recovery time.
function recovery(e: RecoveryEvidence): string {
  const rows: Row[] = e.perFault.map((f) => ({
    cells: [f.seq, f.instance, fmtT(f.firedMs), fmtT(f.readyMs), fmtT(f.progressMs), formatMs(f.recoveryMs), { html: pill(statusOf(f.ok)) }, f.issue ?? ''],
    cls: f.ok === false ? 'bad' : f.ok === 'unknown' ? 'warn' : undefined,
  }));
  const pairs: [string, string][] = [['limit', formatMs(e.withinMs)], ['faults', String(e.perFault.length)], ['over the limit', String(e.overLimit)],
    ['never recovered', String(e.neverRecovered)], ['not judged', String(e.undetermined + e.unreadable)]];
  const open = e.perFault.some((f) => f.ok !== true) ? 1000 : 15;
  return kv(pairs) + foldedTable('faults', ['fault#', 'target', 'killed#', 'ready#', 'progress#', 'recovery#', '', 'issue'], rows, open);
}

// wake_up: every page (when, how long, why, the faults before it, the last lines), the objectives, the exits of their own.
function wakeUp(e: WakeUpEvidence): string {
  const pages: Row[] = e.pages.map((p) => ({
    cells: [fmtT(p.atMs), p.untilMs === null ? 'the end' : fmtT(p.untilMs), p.cause.replace('_', ' '), p.what, faultsText(p.faultsBefore),
      { html: p.tail.map((l) => `<code>${esc(l)}</code>`).join('<br>') }],
    cls: 'bad',
  }));
  const objectives = [e.users?.availability, e.users?.latency].filter((o) => o != null).map((o): [string, string] => [
    o.thresholdMs === null ? 'availability' : `latency ≤ ${formatMs(o.thresholdMs)}`,
    `objective ${Number((o.target * 100).toFixed(3))}%: ${o.good} good, ${o.bad} bad, ${Math.round(o.budgetSpent * 100)}% of the run's budget spent`,
  ]);
  const rules = e.users === null ? 'no workload' : `${e.users.rules.map((r) => `${r.name} ≥ ${r.burnRate}x over ${formatMs(r.longMs)} and ${formatMs(r.shortMs)}`).join('; ')} (an hour = ${formatMs(e.users.hourMs)})`;
  const exits: Row[] = e.selfExits.map((x) => ({
    cells: [x.instance, x.pid, fmtT(x.t), x.signal ?? `code ${x.code ?? '?'}`, formatMs(x.uptimeMs), { html: x.tail.map((l) => `<code>${esc(l)}</code>`).join('<br>') }],
    cls: 'warn',
  }));
  const alerts: [string, string][] = e.alerts === null ? [] : [['alerts', `probe ${e.alerts.probe}, for ${formatMs(e.alerts.forMs)}: ${e.alerts.firing.length} fired (${e.alerts.samples} readings, ${e.alerts.errors} errors)`]];
  return kv([['would have paged', e.woken ? `yes, first at ${fmtT(e.firstPageMs)}` : 'no'], ...objectives, ['page rules', rules],
    ['went down', `${e.downs} times; slowest back ${formatMs(e.slowestBackMs)} (limit ${formatMs(e.backWithinMs)})`], ['exits of their own', String(e.selfExitCount)], ...alerts])
    + foldedTable('pages', ['at#', 'until#', 'cause', 'what', 'faults before', 'last lines'], pages, 1000)
    + foldedTable('exits of their own', ['instance', 'pid#', 'at#', 'how', 'uptime#', 'last lines'], exits);
}

// The evidence of a verdict as HTML (a crashed checker's error as preformatted text).
function evidenceHtml(v: JudgedVerdict): string {
  const e = v.evidence;
  switch (e.kind) {
    case 'progress': return progress(e);
    case 'no_loss': return noLoss(e);
    case 'consistency': return consistency(e);
    case 'converge': return converge(e);
    case 'recovery': return recovery(e);
    case 'wake_up': return wakeUp(e);
    case 'crash': return `<pre class="raw">${esc(`the checker crashed: ${e.error}`)}</pre>`;
  }
}

// One card per verdict, in check order.
export function invariants(verdicts: readonly JudgedVerdict[]): string {
  if (verdicts.length === 0) return '<p class="empty">no verdicts: the run did not get as far as checking</p>';
  return verdicts.map((v) => {
    const status = statusOf(v.valid);
    return `<article class="card verdict-card ${statusClass(status)}" id="inv-${attr(v.name)}">
<header><h3>${esc(v.name)}</h3>${pill(status)}</header>
<p class="summary">${esc(v.summary)}</p>
${evidenceHtml(v)}
</article>`;
  }).join('\n');
}
