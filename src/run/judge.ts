// Chooses the checkers a scenario asks for, binds them to its options, and judges a history.
// recovery is always checked (every killed instance must be ready again), with a 30 s limit by default.
import {
  checkConsistency, checkConverge, checkNoLoss, checkProgress, checkRecovery, compose, named, type Composed, type NamedCheck,
} from '../checks/index.js';
import type { Scenario } from '../scenario/index.js';
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
  return checks;
}

/** Judges a recorded history against the scenario's invariants (pure: no processes, no clock). */
export function judge(history: History, scenario: Scenario): Judgement {
  return compose(checksFor(scenario))(history);
}
