// Multiwindow burn-rate alerting on an error budget, as production alerting decides to page (the SRE
// workbook's "alerting on SLOs"): a rule pages while both its long and its short window burn fast enough.
import type { RunMs } from '../store/index.js';
import type { PageRule } from './evidence.js';

/** One event of an objective: when its outcome was known, and whether it met the objective. */
export interface SliEvent {
  t: RunMs;
  good: boolean;
}

/** A span during which a rule would page, with the highest long-window burn rate seen in it. */
export interface BurnSpan {
  rule: PageRule;
  fromMs: RunMs;
  toMs: RunMs;
  peakBurn: number;
}

/** The workbook's two page rules (14.4x over 1 h and 5 min; 6x over 6 h and 30 min), with `hourMs` standing for an hour. */
export function pageRules(hourMs: number): PageRule[] {
  return [
    { name: 'fast burn', burnRate: 14.4, longMs: hourMs, shortMs: hourMs / 12 },
    { name: 'slow burn', burnRate: 6, longMs: 6 * hourMs, shortMs: hourMs / 2 },
  ];
}

/** Counts of events in windows (t - w, t], from the events sorted by time. */
class Windows {
  private readonly times: number[];
  private readonly badBefore: number[];

  constructor(events: readonly SliEvent[]) {
    const sorted = [...events].sort((a, b) => a.t - b.t);
    this.times = sorted.map((e) => e.t);
    this.badBefore = [0];
    for (const e of sorted) this.badBefore.push(this.badBefore[this.badBefore.length - 1] + (e.good ? 0 : 1));
  }

  /** The burn rate over (t - widthMs, t]: the bad fraction over the allowed one (0 with no event). */
  burn(t: number, widthMs: number, allowed: number): number {
    const hi = this.firstAfter(t);
    const lo = this.firstAfter(t - widthMs);
    const total = hi - lo;
    const bad = this.badBefore[hi] - this.badBefore[lo];
    if (total === 0 || bad === 0) return 0;
    return allowed <= 0 ? Infinity : bad / total / allowed;
  }

  // Index of the first event later than t (binary search).
  private firstAfter(t: number): number {
    let [lo, hi] = [0, this.times.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// The moments a rule's answer can change: each event entering a window and leaving each of them.
function boundaries(events: readonly SliEvent[], rule: PageRule): number[] {
  const points = new Set<number>();
  for (const e of events) for (const offset of [0, rule.shortMs, rule.longMs]) points.add(e.t + offset);
  return [...points].sort((a, b) => a - b);
}

// The spans during which one rule pages. The answer is constant between boundaries, so judging it at
// each boundary gives the spans exactly; after the last one both windows are empty, so every span ends.
function ruleSpans(windows: Windows, events: readonly SliEvent[], rule: PageRule, allowed: number): BurnSpan[] {
  const spans: BurnSpan[] = [];
  let open: BurnSpan | null = null;
  for (const t of boundaries(events, rule)) {
    const long = windows.burn(t, rule.longMs, allowed);
    const paging = long >= rule.burnRate && windows.burn(t, rule.shortMs, allowed) >= rule.burnRate;
    if (paging && open === null) open = { rule, fromMs: t, toMs: t, peakBurn: long };
    else if (paging && open !== null) open.peakBurn = Math.max(open.peakBurn, long);
    else if (!paging && open !== null) {
      spans.push({ ...open, toMs: t });
      open = null;
    }
  }
  return spans;
}

/**
 * When an objective would page: every rule's spans, by start time. `target` is the good fraction the
 * objective promises (0.99); the budget allows 1 - target of the events to be bad.
 */
export function burnSpans(events: readonly SliEvent[], target: number, rules: readonly PageRule[]): BurnSpan[] {
  const windows = new Windows(events);
  const allowed = 1 - target;
  return rules.flatMap((rule) => ruleSpans(windows, events, rule, allowed)).sort((a, b) => a.fromMs - b.fromMs);
}

/** The share of the run's error budget spent: bad / (allowed fraction × events); 0 with no event. */
export function budgetSpent(events: readonly SliEvent[], target: number): number {
  const bad = events.filter((e) => !e.good).length;
  if (bad === 0) return 0;
  const allowed = (1 - target) * events.length;
  // rounded: 1 - 0.99 is not exactly 0.01 in binary, and 5.499999999999996 of a budget reads badly
  return allowed <= 0 ? Infinity : Math.round((bad / allowed) * 1e6) / 1e6;
}
