// The fault schedule is data: a pure function of its inputs, so the same seed gives the same list.
import { seededRandom } from './random.js';

/** One planned fault: at `atMs` after the run starts, kill `target`. */
export interface PlannedFault {
  seq: number;
  atMs: number;
  target: string;
  fault: 'kill';
}

export interface ScheduleOptions {
  seed: number;
  /** instance names that may be killed */
  targets: readonly string[];
  /** time between kills, ms */
  intervalMs: number;
  /** each kill moves by a random offset in [-jitterMs, +jitterMs] */
  jitterMs: number;
  /** no kill before this, ms; the first is at startAfterMs + intervalMs */
  startAfterMs: number;
  /** kills stop here: the quiet period starts, ms */
  quietStartMs: number;
}

/** Builds the list of kills: one every interval (± jitter) until the quiet period, each at a random target. */
export function buildSchedule(options: ScheduleOptions): PlannedFault[] {
  const { targets, intervalMs, jitterMs, startAfterMs, quietStartMs } = options;
  if (targets.length === 0 || intervalMs <= 0) return [];
  const random = seededRandom(options.seed);
  const faults: PlannedFault[] = [];
  for (let k = 1; startAfterMs + k * intervalMs < quietStartMs; k++) {
    const offset = jitterMs > 0 ? random.int(-jitterMs, jitterMs) : 0;
    const target = targets[random.int(0, targets.length - 1)];
    const atMs = Math.max(startAfterMs, startAfterMs + k * intervalMs + offset);
    if (atMs < quietStartMs) faults.push({ seq: faults.length + 1, atMs, target, fault: 'kill' });
  }
  return faults;
}
