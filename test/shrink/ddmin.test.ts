// Delta debugging on literal lists: the failure is a known subset, so the result and the number of
// questions asked are exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ddmin, split } from '../../src/shrink/index.js';

function failsWhenContains(...needed: number[]): { fails: (c: readonly number[]) => Promise<boolean>; asked: number[][] } {
  const asked: number[][] = [];
  return { asked, fails: async (c) => { asked.push([...c]); return needed.every((n) => c.includes(n)); } };
}

test('split makes n contiguous parts of nearly equal size', () => {
  assert.deepEqual(split([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4, 5]]);
  assert.deepEqual(split([1, 2, 3], 3), [[1], [2], [3]]);
});

test('one fault of eight is found: halves, then quarters, then single faults', async () => {
  const { fails, asked } = failsWhenContains(6);
  assert.deepEqual(await ddmin([1, 2, 3, 4, 5, 6, 7, 8], fails), [6]);
  assert.deepEqual(asked[0], [], 'the empty list is asked first');
  assert.ok(asked.length <= 8, `asked ${asked.length} times`);
});

test('two faults that fail only together are both kept', async () => {
  const { fails } = failsWhenContains(2, 7);
  assert.deepEqual(await ddmin([1, 2, 3, 4, 5, 6, 7, 8], fails), [2, 7]);
});

test('a failure that needs no fault shrinks to the empty list; a spent budget keeps the list as it is', async () => {
  assert.deepEqual(await ddmin([1, 2, 3], async () => true), []);
  assert.deepEqual(await ddmin([1, 2, 3], async (c) => c.includes(3), () => false), [1, 2, 3]);
});
