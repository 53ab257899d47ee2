// When to restart: after chaos kills at once (or after the delay), after own exits with a doubling, capped backoff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRestart } from '../../src/supervisor/index.js';

const rules = { policy: 'always' as const, delay: 0, backoff_max: 1000, min_uptime: 1000 };

test('a chaos kill restarts after the configured delay and resets the crash streak', () => {
  assert.deepEqual(decideRestart({ ...rules, delay: 200 }, 'chaos', 50, 4), { restart: true, delayMs: 200, crashStreak: 0, reason: 'killed by chaos' });
  assert.equal(decideRestart({ ...rules, policy: 'never' }, 'chaos', 50, 0).restart, false);
});

test('quick exits of its own back off 100, 200, 400 ms … up to the cap; a long uptime resets it', () => {
  let streak = 0;
  const delays: number[] = [];
  for (let i = 0; i < 6; i++) {
    const decision = decideRestart(rules, 'self', 10, streak);
    delays.push(decision.delayMs);
    streak = decision.crashStreak;
  }
  assert.deepEqual(delays, [100, 200, 400, 800, 1000, 1000]);
  assert.deepEqual(decideRestart(rules, 'self', 5000, streak), { restart: true, delayMs: 0, crashStreak: 0, reason: 'exited on its own' });
  assert.equal(decideRestart({ ...rules, policy: 'on-kill' }, 'self', 10, 0).restart, false);
  assert.equal(decideRestart(rules, 'teardown', 10, 0).restart, false);
});
