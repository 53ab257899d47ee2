// "Users did not notice more than the budget allows": objectives on the client's view of the workload
// (acknowledged within the deadline; acknowledged within a latency threshold), paged on by burn rate.
import type { History, OpRecord } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { ObjectiveResult, Page, PageRule, WakeUpEvidence } from './evidence.js';
import { faultsBetween } from './checker.js';
import { budgetSpent, burnSpans, pageRules, type BurnSpan, type SliEvent } from './burn-rate.js';

/** The objectives on the client's view; each target is the good fraction promised (0 < target < 1). */
export interface UsersObjectives {
  /** operations acknowledged within their deadline / operations completed; null: not judged */
  availability: number | null;
  /** operations acknowledged within thresholdMs of their start; null: not judged */
  latency: { thresholdMs: number; target: number } | null;
  /** the run's stand-in for one production hour: the page rules' windows scale by it */
  hourMs: number;
}

/** What the client's view says: the evidence part and the pages. */
export interface UsersView {
  evidence: NonNullable<WakeUpEvidence['users']>;
  pages: Page[];
}

// "99.9%".
function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(3))}%`;
}

/** Spans of the rules of one objective close together: one incident, one page. */
interface Incident {
  fromMs: number;
  toMs: number;
  peakBurn: number;
  rules: PageRule[];
}

// Merges spans (sorted by start) into incidents: spans that overlap, or start again less than gapMs after
// the last one ended (an alert that resolves and fires again within the hour is the same page, not a new one).
function incidents(spans: readonly BurnSpan[], gapMs: number): Incident[] {
  const out: Incident[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span.fromMs < last.toMs + gapMs) {
      Object.assign(last, { toMs: Math.max(last.toMs, span.toMs), peakBurn: Math.max(last.peakBurn, span.peakBurn) });
      if (!last.rules.includes(span.rule)) last.rules.push(span.rule);
    } else out.push({ fromMs: span.fromMs, toMs: span.toMs, peakBurn: span.peakBurn, rules: [span.rule] });
  }
  return out;
}

// "fast burn ≥ 14.4x over 5 s and 417 ms, then slow burn ≥ 6x over 30 s and 2.5 s".
function rulesText(rules: readonly PageRule[]): string {
  return rules.map((r) => `${r.name} ≥ ${r.burnRate}x over ${formatMs(r.longMs)} and ${formatMs(r.shortMs)}`).join(', then ');
}

// The objective's result and its pages. An operation counts when its outcome was known (endMs).
function judgeObjective(history: History, label: string, events: SliEvent[], target: number, thresholdMs: number | null, rules: PageRule[]): { result: ObjectiveResult; pages: Page[] } {
  const bad = events.filter((e) => !e.good).length;
  const result: ObjectiveResult = { target, thresholdMs, good: events.length - bad, bad, budgetSpent: budgetSpent(events, target) };
  const pages = incidents(burnSpans(events, target, rules), rules[0].longMs).map((incident): Page => {
    const lookbackMs = incident.rules[0].longMs;
    const inSpan = events.filter((e) => e.t > incident.fromMs - lookbackMs && e.t <= incident.toMs);
    const failed = inSpan.filter((e) => !e.good).length;
    return {
      cause: 'budget_burn', atMs: incident.fromMs, untilMs: incident.toMs, instance: null,
      what: `${label} below its ${percent(target)} objective: the error budget burned up to ${Number(incident.peakBurn.toFixed(1))}x as fast as allowed, `
        + `paging for ${formatMs(incident.toMs - incident.fromMs)} (${rulesText(incident.rules)}); ${failed} of ${inSpan.length} operations missed it`,
      faultsBefore: faultsBetween(history, incident.fromMs - lookbackMs, incident.fromMs), tail: [],
    };
  });
  return { result, pages };
}

// Whether an acknowledged operation met the latency threshold.
function fastEnough(op: OpRecord, thresholdMs: number): boolean {
  return op.outcome === 'acked' && (op.ackMs ?? op.endMs) - op.startMs <= thresholdMs;
}

/** Judges the client's view; null when the run had no workload operation. */
export function usersView(history: History, objectives: UsersObjectives): UsersView | null {
  if (history.ops.length === 0 && history.inFlight.length === 0) return null;
  const rules = pageRules(objectives.hourMs);
  const pages: Page[] = [];
  let availability: ObjectiveResult | null = null;
  let latency: ObjectiveResult | null = null;
  if (objectives.availability !== null) {
    const events = history.ops.map((op) => ({ t: op.endMs, good: op.outcome === 'acked' }));
    const judged = judgeObjective(history, 'availability', events, objectives.availability, null, rules);
    availability = judged.result;
    pages.push(...judged.pages);
  }
  if (objectives.latency !== null) {
    const { thresholdMs, target } = objectives.latency;
    const events = history.ops.map((op) => ({ t: op.endMs, good: fastEnough(op, thresholdMs) }));
    const judged = judgeObjective(history, `latency ≤ ${formatMs(thresholdMs)}`, events, target, thresholdMs, rules);
    latency = judged.result;
    pages.push(...judged.pages);
  }
  const evidence = { ops: history.ops.length, inFlight: history.inFlight.length, hourMs: objectives.hourMs, rules, availability, latency };
  return { evidence, pages };
}
