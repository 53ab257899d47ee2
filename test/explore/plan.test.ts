// The order of explore's kill runs: first occurrences of every point, then second ones, capped by max.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { killPlan } from '../../src/explore/index.js';

test('first occurrences first, then later ones of the points that had them; max caps them', () => {
  const points = [{ name: 'a', occurrences: 3 }, { name: 'b', occurrences: 1 }, { name: 'c', occurrences: 2 }];
  assert.deepEqual([...killPlan(points)].map((k) => `${k.point.name}${k.occurrence}`), ['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
  assert.deepEqual([...killPlan(points, 1)].map((k) => `${k.point.name}${k.occurrence}`), ['a1', 'b1', 'c1']);
  assert.deepEqual([...killPlan([])], []);
});
