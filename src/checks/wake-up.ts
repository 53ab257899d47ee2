// wake_up: "Will you need to urgently wake up?" Yes when anything would have paged the operator: an
// instance crash-looped or stayed down, the users' error budget burned fast, or one of their own alerts fired.
import type { History } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { ObjectiveResult, Page, WakeUpEvidence } from './evidence.js';
import type { Validity, Verdict } from './checker.js';
import { requireNonNegative } from './checker.js';
import { selfHealing, type CrashLoopRule } from './self-healing.js';
import { usersView } from './users-view.js';
import { userAlerts, type AlertsOptions } from './user-alerts.js';

/** Options of the wake_up checker. */
export interface WakeUpOptions {
  /** every instance that went down ready again within this, ms */
  backWithinMs: number;
  /** exits of its own that make a crash loop */
  crashLoop: CrashLoopRule;
  /** good fraction of operations acknowledged within their deadline (0 < x < 1); null: not judged */
  availability: number | null;
  /** good fraction of operations acknowledged within thresholdMs; null: not judged */
  latency: { thresholdMs: number; target: number } | null;
  /** the run's stand-in for one production hour, ms; default: a twelfth of the run's planned duration */
  hourMs?: number;
  /** the user's own alerts; null: none */
  alerts: AlertsOptions | null;
}

/** Most pages and exits of their own listed in the evidence. */
const LISTED = 20;

// Throws when a target is not a fraction strictly between 0 and 1 (checkSafe turns this into 'unknown').
function requireTarget(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new Error(`option ${name} must be a fraction between 0 and 1 (e.g. 0.99), got ${value}`);
}

// Validates every numeric option.
function validate(opts: WakeUpOptions, hourMs: number): void {
  requireNonNegative('backWithinMs', opts.backWithinMs);
  requireNonNegative('crashLoop.withinMs', opts.crashLoop.withinMs);
  if (!Number.isInteger(opts.crashLoop.exits) || opts.crashLoop.exits < 1) throw new Error(`option crashLoop.exits must be an integer >= 1, got ${opts.crashLoop.exits}`);
  if (!(hourMs > 0)) throw new Error(`option hourMs must be a number > 0, got ${hourMs}`);
  if (opts.availability !== null) requireTarget('availability', opts.availability);
  if (opts.latency !== null) {
    requireTarget('latency.target', opts.latency.target);
    requireNonNegative('latency.thresholdMs', opts.latency.thresholdMs);
  }
}

// "2 exits of their own, every instance back within 1.2 s".
function processesText(e: WakeUpEvidence): string {
  const exits = e.selfExitCount === 0 ? 'no exit of its own' : e.selfExitCount === 1 ? '1 exit of its own' : `${e.selfExitCount} exits of their own`;
  const back = e.downs === 0 ? 'nothing went down' : `every instance back within ${formatMs(e.slowestBackMs)} (limit ${formatMs(e.backWithinMs)})`;
  return `${exits}, ${back}`;
}

// "60 ops: 100% in time (objective 99%, 0% of the budget spent)".
function usersText(e: WakeUpEvidence): string {
  const users = e.users;
  if (users === null) return 'no workload to judge the users\' view';
  const parts = [users.availability, users.latency].filter((o) => o !== null).map((o) => {
    const share = o.good + o.bad === 0 ? 100 : (100 * o.good) / (o.good + o.bad);
    const what = o.thresholdMs === null ? 'acknowledged in time' : `acknowledged within ${formatMs(o.thresholdMs)}`;
    return `${Number(share.toFixed(2))}% ${what} (objective ${Number((o.target * 100).toFixed(3))}%, ${Math.round(o.budgetSpent * 100)}% of the budget spent)`;
  });
  return `${users.ops} ops: ${parts.length > 0 ? parts.join(', ') : 'no objective set'}`;
}

// The one-line answer: "no: ..." or "yes, at 12.3 s: <the first page>".
function summaryOf(e: WakeUpEvidence, pageCount: number, unreadableAlerts: string | null): string {
  if (e.woken) {
    const first = e.pages[0];
    const faults = first.faultsBefore.map((f) => `${f.kind ?? 'fault'} of ${f.instance} at ${formatMs(f.firedMs)}`);
    const after = faults.length > 0 ? `; after the ${faults.join(', ')}` : '';
    const spent = [e.users?.availability, e.users?.latency].filter((o): o is ObjectiveResult => o != null && o.bad > 0)
      .map((o) => `${Math.round(o.budgetSpent * 100)}% of the ${o.thresholdMs === null ? 'availability' : 'latency'} budget spent`);
    const budget = spent.length > 0 ? `; ${spent.join(', ')}` : '';
    const more = pageCount > 1 ? ` (+${pageCount - 1} more page${pageCount === 2 ? '' : 's'})` : '';
    return `yes, at ${formatMs(first.atMs)}: ${first.what}${after}${budget}${more}`;
  }
  const alerts = e.alerts === null ? '' : unreadableAlerts ?? `; alerts: ${e.alerts.firing.length === 0 ? 'none fired' : `none past ${formatMs(e.alerts.forMs)}`}`;
  return `no: nobody had to act (${processesText(e)}); ${usersText(e)}${alerts}`;
}

/** Judges whether the run would have woken the operator; every page is in the evidence, by time. */
export function checkWakeUp(history: History, opts: WakeUpOptions): Verdict<WakeUpEvidence> {
  const hourMs = opts.hourMs ?? history.run.durationMs / 12;
  validate(opts, hourMs);
  const processes = selfHealing(history, opts.backWithinMs, opts.crashLoop);
  const users = usersView(history, { availability: opts.availability, latency: opts.latency, hourMs });
  const alerts = opts.alerts === null ? null : userAlerts(history, opts.alerts);
  const pages: Page[] = [...processes.pages, ...(users?.pages ?? []), ...(alerts?.pages ?? [])].sort((a, b) => a.atMs - b.atMs);
  const evidence: WakeUpEvidence = {
    woken: pages.length > 0, firstPageMs: pages[0]?.atMs ?? null, pages: pages.slice(0, LISTED),
    selfExitCount: processes.selfExits.length, selfExits: processes.selfExits.slice(0, LISTED),
    downs: processes.downs, slowestBackMs: processes.slowestBackMs, backWithinMs: opts.backWithinMs,
    users: users?.evidence ?? null, alerts: alerts?.evidence ?? null,
  };
  const unreadable = alerts !== null && !alerts.readable ? `; alerts probe "${opts.alerts!.probe}" never answered` : null;
  let valid: Validity = true;
  if (evidence.woken) valid = false;
  else if (unreadable !== null) valid = 'unknown';
  return { name: 'wake_up', kind: 'wake_up', valid, summary: summaryOf(evidence, pages.length, unreadable), evidence };
}
