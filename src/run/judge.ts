// Chooses the checkers a scenario asks for, binds them to its options, and judges a history.
// recovery is always checked (every killed instance must be ready again), with a 30 s limit by default;
// wake_up too, unless the scenario says `wake_up: false`: a crash-looping component fails a run that never asked.
import {
  checkConsistency, checkConverge, checkNoLoss, checkProgress, checkRecovery, checkWakeUp, compose, named, type Composed, type NamedCheck,
  type WakeUpOptions,
} from '../checks/index.js';
import { WAKE_UP_DEFAULTS, type Scenario } from '../scenario/index.js';
import type { History } from '../store/index.js';

/** The verdicts of a run and their merged validity. */
export type Judgement = Composed;

/** Default limit for an instance to be ready again after a kill. */
export const DEFAULT_RECOVERY_MS = 30_000;

/** The named checks a scenario asks for, in the order of the litmus questions. */
export function checksFor(scenario: Scenario): NamedCheck[] {
  const inv = scenario.invariants ?? {};
  const checks: NamedCheck[] = [];
  if (inv.progress) checks.push(named('progress', 'progress', checkProgress, { probe: inv.progress.probe, windowMs: inv.progress.window }));
  if (inv.no_loss) checks.push(named('no_loss', 'no_loss', checkNoLoss, { probe: inv.no_loss.probe }));
  if (inv.consistency) checks.push(named('consistency', 'consistency', checkConsistency, { probe: inv.consistency.probe }));
  if (inv.converge) {
    checks.push(named('converge', 'converge', checkConverge, { probe: inv.converge.probe, withinMs: inv.converge.within, condition: inv.converge.condition }));
  }
  const recovery = inv.recovery ?? { within: DEFAULT_RECOVERY_MS };
  checks.push(named('recovery', 'recovery', checkRecovery, { withinMs: recovery.within, probe: recovery.probe }));
  if (inv.wake_up !== null) checks.push(named('wake_up', 'wake_up', checkWakeUp, wakeUpOptions(scenario)));
  return checks;
}

/** The wake_up options of a scenario: its settings, else the defaults (the same as `wake_up: {}`). */
export function wakeUpOptions(scenario: Scenario): WakeUpOptions {
  const spec = scenario.invariants?.wake_up ?? WAKE_UP_DEFAULTS;
  if (spec === null) throw new Error('wake_up is turned off in this scenario');
  return {
    backWithinMs: spec.back_within ?? scenario.invariants?.recovery?.within ?? DEFAULT_RECOVERY_MS,
    crashLoop: { exits: spec.crash_loop.exits, withinMs: spec.crash_loop.within },
    availability: spec.availability,
    latency: spec.latency ? { thresholdMs: spec.latency.threshold, target: spec.latency.target } : null,
    hourMs: spec.hour,
    alerts: spec.alerts ? { probe: spec.alerts.probe, forMs: spec.alerts.for } : null,
  };
}

/** Judges a recorded history against the scenario's invariants (pure: no processes, no clock). */
export function judge(history: History, scenario: Scenario): Judgement {
  return compose(checksFor(scenario))(history);
}
