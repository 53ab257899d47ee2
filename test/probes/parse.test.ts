// Probe readings: numbers, lines, JSON paths and SQL rows become a value or a list of items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromJson, fromRows, parseText } from '../../src/probes/index.js';

test('text: auto gives a number when the output is one, lines otherwise', () => {
  assert.deepEqual(parseText(' 42\n', 'auto'), { value: 42 });
  assert.deepEqual(parseText('a\n\n b \n', 'auto'), { items: ['a', 'b'] });
  assert.deepEqual(parseText('', 'auto'), { items: [] });
  assert.deepEqual(parseText('7', 'lines'), { items: ['7'] });
  assert.throws(() => parseText('many', 'number'), { message: 'expected a number, got "many"' });
});

test('json: a path picks a number or a list', () => {
  assert.deepEqual(parseText('{"a":{"b":[1,{"c":3}]}}', 'auto', 'a.b.1.c'), { value: 3 });
  assert.deepEqual(fromJson({ keys: ['x', 'y'] }, 'keys'), { items: ['x', 'y'] });
  assert.throws(() => fromJson({ a: 1 }, 'b'), { message: 'JSON path "b" not found (at "b")' });
  assert.throws(() => fromJson({ a: 'text' }, 'a'), { message: 'expected a number or a list at "a", got "text"' });
});

test('sql rows: one numeric cell is a value, other results one item per row', () => {
  assert.deepEqual(fromRows([{ n: 5 }], 'auto'), { value: 5 });
  assert.deepEqual(fromRows([{ id: 'a' }, { id: 'b' }], 'auto'), { items: ['a', 'b'] });
  assert.deepEqual(fromRows([{ id: 1, state: 'x' }], 'lines'), { items: ['{"id":1,"state":"x"}'] });
  assert.deepEqual(fromRows([], 'auto'), { items: [] });
});
