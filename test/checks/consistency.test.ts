// Tests of the consistency checker: pass, violations (during and final), probe errors, empty history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConsistency } from '../../src/checks/consistency.js';
import { failed, list, makeHistory } from './fixtures.js';

const opts = { probe: 'orphans' };

test('consistency: every sample empty passes', () => {
  const samples = [list('orphans', 1000, []), list('orphans', 2000, []), list('orphans', 90_000, [], true)];
  const v = checkConsistency(makeHistory({ samples }), opts);
  assert.deepEqual(v, {
    name: 'consistency',
    kind: 'consistency',
    valid: true,
    summary: '3 checks, no violations',
    evidence: { checks: 3, violating: 0, violations: [], errors: 0, faultsBefore: [] },
  });
});

test('consistency: a violation during the run fails even if the final sample is clean', () => {
  const samples = [
    list('orphans', 1000, []),
    list('orphans', 2000, ['row 7: job without owner', 'row 9: job without owner']),
    list('orphans', 3000, []),
    list('orphans', 90_000, [], true),
  ];
  const v = checkConsistency(makeHistory({ samples }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.summary, '1 of 4 checks found violations, first at 2 s: row 7: job without owner');
  assert.deepEqual(v.evidence, {
    checks: 4,
    violating: 1,
    violations: [{ t: 2000, final: false, count: 2, items: ['row 7: job without owner', 'row 9: job without owner'] }],
    errors: 0,
    faultsBefore: [],
  });
});

test('consistency: evidence is capped at 20 samples of 10 items each', () => {
  const items = Array.from({ length: 15 }, (_, i) => `row ${i}`);
  const samples = Array.from({ length: 30 }, (_, i) => list('orphans', 1000 * (i + 1), items, i === 29));
  const v = checkConsistency(makeHistory({ samples }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.evidence.violating, 30);
  assert.equal(v.evidence.violations.length, 20);
  assert.equal(v.evidence.violations[0].count, 15);
  assert.deepEqual(v.evidence.violations[0].items, items.slice(0, 10));
});

test('consistency: some probe errors are counted, not judged', () => {
  const samples = [list('orphans', 1000, []), failed('orphans', 2000, 'timeout'), list('orphans', 90_000, [], true)];
  const v = checkConsistency(makeHistory({ samples }), opts);
  assert.equal(v.valid, true);
  assert.equal(v.summary, '2 checks, no violations; 1 probe error');
  assert.equal(v.evidence.errors, 1);
});

test('consistency: all samples errored => unknown', () => {
  const samples = [failed('orphans', 1000, 'no such table: jobs'), failed('orphans', 90_000, 'no such table: jobs', true)];
  const v = checkConsistency(makeHistory({ samples }), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'all 2 samples of probe "orphans" failed (no such table: jobs)');
  assert.deepEqual(v.evidence, { checks: 0, violating: 0, violations: [], errors: 2, faultsBefore: [] });
});

test('consistency: empty history => unknown', () => {
  const v = checkConsistency(makeHistory(), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'no samples of probe "orphans"');
});
