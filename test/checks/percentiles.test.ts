// Tests of the nearest-rank percentiles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distribution, percentile } from '../../src/checks/percentiles.js';

test('percentile: nearest rank, always an observed value', () => {
  const values = [15, 20, 35, 40, 50];
  assert.equal(percentile(values, 0), 15);
  assert.equal(percentile(values, 30), 20); // rank ceil(1.5) = 2
  assert.equal(percentile(values, 40), 20); // rank 2 exactly
  assert.equal(percentile(values, 50), 35); // rank ceil(2.5) = 3
  assert.equal(percentile(values, 100), 50);
  assert.equal(percentile([3, 1, 2], 50), 2); // input order does not matter
});

test('percentile: empty list is null; out-of-range p throws', () => {
  assert.equal(percentile([], 50), null);
  assert.throws(() => percentile([1], 101), /within 0\.\.100/);
  assert.throws(() => percentile([1], Number.NaN), /within 0\.\.100/);
});

test('distribution: count, p50, p99, max', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.deepEqual(distribution(hundred), { count: 100, p50: 50, p99: 99, max: 100 });
  assert.deepEqual(distribution([]), { count: 0, p50: null, p99: null, max: null });
});
