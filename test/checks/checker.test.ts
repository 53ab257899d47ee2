// Tests of the checker contract: mergeValid, checkSafe (a crash is never a pass), compose, helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSafe, compose, finalSample, fmtVsLimit, mergeValid, named, observedEndMs } from '../../src/checks/checker.js';
import type { Checker, Verdict } from '../../src/checks/checker.js';
import { checkConsistency, checkProgress } from '../../src/checks/index.js';
import { list, makeHistory, num, rising } from './fixtures.js';

const pass: Checker<unknown> = () => ({ name: 'progress', kind: 'progress', valid: true, summary: 'ok', evidence: {} });
const boom: Checker<unknown> = () => {
  throw new Error('probe "jobs" has no value');
};

test('mergeValid: false beats unknown beats true; empty is true', () => {
  assert.equal(mergeValid([true, 'unknown', false, true]), false);
  assert.equal(mergeValid([true, 'unknown', true]), 'unknown');
  assert.equal(mergeValid([true, true]), true);
  assert.equal(mergeValid([]), true);
});

test('checkSafe: a throwing checker becomes unknown with the error message', () => {
  const v = checkSafe('no_loss', boom)(makeHistory(), undefined);
  assert.deepEqual(v, {
    name: 'no_loss',
    kind: 'no_loss',
    valid: 'unknown',
    summary: 'checker crashed: probe "jobs" has no value',
    evidence: { error: 'probe "jobs" has no value' },
  });
  assert.equal(checkSafe('progress', pass)(makeHistory(), undefined).valid, true);
});

test('checkSafe: invalid options (negative window) are unknown, never a pass', () => {
  const v = checkSafe('progress', checkProgress)(makeHistory(), { probe: 'jobs', windowMs: -1 });
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'checker crashed: option windowMs must be a number >= 0, got -1');
});

test('compose: runs each named check, renames verdicts, merges validity', () => {
  const history = makeHistory({
    samples: [...rising('jobs', 0, 95_000), list('orphans', 10_000, ['row 1']), list('orphans', 90_000, [], true)],
  });
  const result = compose([
    named('jobs keep flowing', 'progress', checkProgress, { probe: 'jobs', windowMs: 5000 }),
    named('no orphans', 'consistency', checkConsistency, { probe: 'orphans' }),
    { name: 'exploding', kind: 'recovery', check: (h) => boom(h, undefined) },
  ])(history);
  assert.equal(result.valid, false);
  assert.deepEqual(
    result.verdicts.map((v: Verdict) => [v.name, v.kind, v.valid]),
    [
      ['jobs keep flowing', 'progress', true],
      ['no orphans', 'consistency', false],
      ['exploding', 'recovery', 'unknown'],
    ],
  );
});

test('compose: a crash alone makes the whole unknown; no checks is true', () => {
  const result = compose([
    { name: 'a', kind: 'progress', check: (h) => pass(h, undefined) },
    { name: 'b', kind: 'converge', check: (h) => boom(h, undefined) },
  ])(makeHistory());
  assert.equal(result.valid, 'unknown');
  assert.equal(result.verdicts[1].summary, 'checker crashed: probe "jobs" has no value');
  assert.deepEqual(compose([])(makeHistory()), { valid: true, verdicts: [] });
});

test('fmtVsLimit: exact ms for both when rounding would make them look equal', () => {
  assert.deepEqual(fmtVsLimit(7100, 5000), ['7.1 s', '5 s']);
  assert.deepEqual(fmtVsLimit(5001, 5000), ['5001 ms', '5000 ms']);
  assert.deepEqual(fmtVsLimit(1020.3770530000004, 1000), ['1020.4 ms', '1000 ms'], 'a measured span is shown to 0.1 ms');
});

test('finalSample picks the latest final sample; observedEndMs falls back to the last record', () => {
  const h = makeHistory({ samples: [num('p', 90_000, 1, true), num('p', 91_000, 2, true), num('p', 50_000, 3)] });
  assert.equal(finalSample(h, 'p')?.value, 2);
  assert.equal(finalSample(h, 'q'), null);
  assert.equal(observedEndMs(h), 95_000);
  assert.equal(observedEndMs(makeHistory({ ...h, run: { endMs: null } })), 91_000);
});
