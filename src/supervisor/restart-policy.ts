// When to bring an instance back: after a chaos kill (the configured delay), after an exit of its
// own (crash-loop backoff, doubling up to a cap, as pm2's exp_backoff_restart_delay), or never.
import type { ExitCause } from '../store/index.js';

export interface RestartRules {
  policy: 'always' | 'on-kill' | 'never';
  /** delay after a chaos kill, ms */
  delay: number;
  /** cap of the crash-loop backoff, ms */
  backoff_max: number;
  /** an exit sooner than this after start counts toward a crash loop, ms */
  min_uptime: number;
}

export interface RestartDecision {
  restart: boolean;
  delayMs: number;
  /** consecutive short-lived exits of its own so far */
  crashStreak: number;
  reason: string;
}

/** Decides whether and when to restart after an exit. */
export function decideRestart(rules: RestartRules, cause: ExitCause, uptimeMs: number, crashStreak: number): RestartDecision {
  if (cause === 'teardown') return { restart: false, delayMs: 0, crashStreak, reason: 'stopping' };
  if (cause === 'chaos') {
    return rules.policy === 'never'
      ? { restart: false, delayMs: 0, crashStreak: 0, reason: 'restart policy is never' }
      : { restart: true, delayMs: rules.delay, crashStreak: 0, reason: 'killed by chaos' };
  }
  if (rules.policy !== 'always') return { restart: false, delayMs: 0, crashStreak, reason: `restart policy is ${rules.policy}` };
  const streak = uptimeMs < rules.min_uptime ? crashStreak + 1 : 0;
  const delayMs = streak === 0 ? rules.delay : Math.min(rules.backoff_max, 100 * 2 ** (streak - 1));
  return { restart: true, delayMs, crashStreak: streak, reason: streak > 0 ? `crash loop: ${streak} quick exits in a row` : 'exited on its own' };
}
