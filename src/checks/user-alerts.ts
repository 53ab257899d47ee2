// The user's own alerts: a probe that lists the alerts firing (or counts them) must not show one
// firing for longer than `for:`. A span runs from the first reading that shows it to the first that does not.
import type { History } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { Page, WakeUpEvidence } from './evidence.js';
import { faultsBetween, probeSamples } from './checker.js';

/** The alerts probe and how long an alert may fire before it counts as a page. */
export interface AlertsOptions {
  probe: string;
  forMs: number;
}

/** What the alerts probe says: the evidence part, the pages, and whether it could be read at all. */
export interface UserAlerts {
  evidence: NonNullable<WakeUpEvidence['alerts']>;
  pages: Page[];
  readable: boolean;
}

/** How far before an alert started the faults cited with it are looked for: one default chaos interval. */
const LOOKBACK_MS = 10_000;

type Firing = NonNullable<WakeUpEvidence['alerts']>['firing'][number];

// The alerts one reading shows: its items, or the probe's own name while a number reads above 0.
function firingIn(sample: { items?: string[]; value?: number }, probe: string): string[] {
  if (sample.items) return sample.items;
  return typeof sample.value === 'number' && sample.value > 0 ? [probe] : [];
}

// The spans each alert was seen firing; a failed reading neither starts nor ends one.
function firingSpans(history: History, probe: string): { firing: Firing[]; samples: number; errors: number } {
  const samples = probeSamples(history, probe);
  const open = new Map<string, { fromMs: number; lastMs: number }>();
  const firing: Firing[] = [];
  const close = (alert: string, toMs: number): void => {
    const span = open.get(alert)!;
    firing.push({ alert, fromMs: span.fromMs, toMs, durationMs: toMs - span.fromMs });
    open.delete(alert);
  };
  let errors = 0;
  for (const sample of samples) {
    if (sample.error !== undefined) {
      errors += 1;
      continue;
    }
    const now = new Set(firingIn(sample, probe));
    for (const alert of [...open.keys()]) if (!now.has(alert)) close(alert, sample.t);
    for (const alert of now) {
      const span = open.get(alert);
      if (span) span.lastMs = sample.t;
      else open.set(alert, { fromMs: sample.t, lastMs: sample.t });
    }
  }
  for (const [alert, span] of [...open]) close(alert, span.lastMs);
  return { firing: firing.sort((a, b) => a.fromMs - b.fromMs), samples: samples.length, errors };
}

/** Judges the user's alerts: each one seen firing for longer than forMs is a page, at fromMs + forMs. */
export function userAlerts(history: History, opts: AlertsOptions): UserAlerts {
  const { firing, samples, errors } = firingSpans(history, opts.probe);
  const pages = firing.filter((f) => f.durationMs > opts.forMs).map((f): Page => ({
    cause: 'alert', atMs: f.fromMs + opts.forMs, untilMs: f.toMs, instance: null,
    what: `alert "${f.alert}" fired for ${formatMs(f.durationMs)} from ${formatMs(f.fromMs)} (for: ${formatMs(opts.forMs)})`,
    faultsBefore: faultsBetween(history, f.fromMs - LOOKBACK_MS, f.fromMs), tail: [],
  }));
  return { evidence: { probe: opts.probe, forMs: opts.forMs, samples, errors, firing: firing.slice(0, 20) }, pages, readable: samples > errors };
}
