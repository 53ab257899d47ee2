// Tests of the converge checker: met in time and held, never met, met then broken, deadline ties, unknowns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConverge, holds } from '../../src/checks/converge.js';
import type { ConvergeOptions } from '../../src/checks/converge.js';
import { failed, makeHistory, num } from './fixtures.js';

// quiet starts at 65 s (fixture default): deadline 95 s.
const opts: ConvergeOptions = { probe: 'backlog', withinMs: 30_000, condition: { op: '<=', value: 0 } };

test('converge: reaches the condition in time and holds at the end', () => {
  const samples = [num('backlog', 60_000, 50), num('backlog', 66_000, 20), num('backlog', 77_100, 0), num('backlog', 96_000, 0, true)];
  const v = checkConverge(makeHistory({ samples, run: { endMs: 96_000 } }), opts);
  assert.deepEqual(v, {
    name: 'converge',
    kind: 'converge',
    valid: true,
    summary: 'reached <= 0 at 1 m 17 s (12.1 s after quiet start, limit 30 s), final value 0',
    evidence: { condition: '<= 0', quietStartMs: 65_000, deadlineMs: 95_000, metAtMs: 77_100, lastValue: 0, lastMs: 96_000 },
  });
});

test('converge: never reached within the deadline fails', () => {
  const samples = [num('backlog', 66_000, 20), num('backlog', 95_000, 5), num('backlog', 96_000, 0, true)];
  const v = checkConverge(makeHistory({ samples }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.summary, 'never reached <= 0 within 30 s of quiet start (last 0 at 1 m 36 s)');
  assert.equal(v.evidence.metAtMs, null);
});

test('converge: a sample exactly at the deadline counts, one ms later does not', () => {
  const at = checkConverge(makeHistory({ samples: [num('backlog', 95_000, 0), num('backlog', 96_000, 0, true)] }), opts);
  assert.equal(at.valid, true);
  assert.equal(at.evidence.metAtMs, 95_000);
  const late = checkConverge(makeHistory({ samples: [num('backlog', 70_000, 3), num('backlog', 95_001, 0, true)] }), opts);
  assert.equal(late.valid, false);
});

test('converge: reached, then broken at the final sample, fails', () => {
  const samples = [num('backlog', 70_000, 0), num('backlog', 96_000, 3, true)];
  const v = checkConverge(makeHistory({ samples }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.summary, 'reached <= 0 at 1 m 10 s (5 s after quiet start, limit 30 s), but final value 3 at 1 m 36 s breaks it');
});

test('converge: samples before quiet start do not count', () => {
  const samples = [num('backlog', 60_000, 0), num('backlog', 70_000, 4), num('backlog', 96_000, 4, true)];
  assert.equal(checkConverge(makeHistory({ samples }), opts).valid, false);
});

test('converge: each comparison operator', () => {
  assert.deepEqual(
    (['==', '<=', '>=', '<', '>'] as const).map((op) => holds(3, { op, value: 3 })),
    [true, true, true, false, false],
  );
  const up: ConvergeOptions = { ...opts, condition: { op: '>=', value: 3 } };
  assert.equal(checkConverge(makeHistory({ samples: [num('backlog', 70_000, 3), num('backlog', 96_000, 4, true)] }), up).valid, true);
});

test('converge: met but the final sample errored => unknown', () => {
  const samples = [num('backlog', 70_000, 0), failed('backlog', 96_000, 'timeout', true)];
  const v = checkConverge(makeHistory({ samples }), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'reached <= 0 at 1 m 10 s (5 s after quiet start, limit 30 s), but final sample failed: timeout');
});

test('converge: probe errored for the whole deadline window => unknown', () => {
  const samples = [failed('backlog', 70_000, 'timeout'), failed('backlog', 90_000, 'timeout'), num('backlog', 96_000, 0, true)];
  const v = checkConverge(makeHistory({ samples }), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'no readable sample of probe "backlog" between 1 m 5 s and 1 m 35 s');
});

test('converge: no samples after quiet start (or none at all) => unknown', () => {
  const v = checkConverge(makeHistory({ samples: [num('backlog', 60_000, 0)] }), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'no samples of probe "backlog" after quiet start (1 m 5 s)');
  assert.deepEqual(checkConverge(makeHistory(), opts).evidence, {
    condition: '<= 0', quietStartMs: 65_000, deadlineMs: 95_000, metAtMs: null, lastValue: null, lastMs: null,
  });
});
