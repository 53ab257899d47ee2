// Tests of reading stored evidence back: every checker's real evidence round-trips through JSON, a
// crashed checker's { error } is tagged 'crash', and a damaged row is a clear error at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConsistency, checkConverge, checkNoLoss, checkProgress, checkRecovery, parseEvidence, parseVerdict } from '../../src/checks/index.js';
import { fault, list, makeHistory, num, op, rising } from './fixtures.js';

// A run with something in every evidence: a stall, a lost key, a violation, a slow recovery.
function eventful(): ReturnType<typeof makeHistory> {
  return makeHistory({
    samples: [
      ...rising('jobs', 5000, 20_000), ...rising('jobs', 30_000, 65_000).map((s) => ({ ...s, value: (s.value as number) + 20 })),
      list('keys', 96_000, ['k1'], true), list('bad', 40_000, ['row 7: job without owner']), list('bad', 96_000, [], true),
      num('backlog', 70_000, 0), num('backlog', 96_000, 0, true),
    ],
    faults: [fault(1, 'worker.0', 21_000, 23_000), fault(2, 'api.0', 50_000, 62_000)],
    ops: [op(1, 'k1', 10_000), op(2, 'k2', 20_000)],
  });
}

test('parseEvidence: the evidence of every checker survives the database round trip, tagged with its kind', () => {
  const h = eventful();
  const verdicts = [
    checkProgress(h, { probe: 'jobs', windowMs: 5000 }),
    checkNoLoss(h, { probe: 'keys' }),
    checkConsistency(h, { probe: 'bad' }),
    checkConverge(h, { probe: 'backlog', withinMs: 30_000, condition: { op: '<=', value: 0 } }),
    checkRecovery(h, { withinMs: 10_000 }),
  ];
  assert.deepEqual(verdicts.map((v) => v.valid), [false, false, false, true, false], 'every evidence has something in it');
  for (const v of verdicts) {
    assert.deepEqual(parseEvidence(v.kind, JSON.stringify(v.evidence)), { ...v.evidence, kind: v.kind }, v.kind);
  }
});

test('parseEvidence: a crashed checker\'s evidence is tagged "crash"', () => {
  assert.deepEqual(parseEvidence('recovery', '{"error":"option withinMs must be a number >= 0, got -1"}'),
    { kind: 'crash', error: 'option withinMs must be a number >= 0, got -1' });
});

test('parseEvidence: recovery evidence stored before "superseded" existed reads as 0 superseded', () => {
  const old = { withinMs: 5000, perFault: [], perComponent: {}, overLimit: 0, neverRecovered: 0, undetermined: 0, unreadable: 0 };
  const e = parseEvidence('recovery', old);
  assert.equal(e.kind, 'recovery');
  assert.equal(e.kind === 'recovery' ? e.superseded : null, 0);
});

test('parseEvidence: bad evidence is an error naming the kind, the field and what was expected', () => {
  const bad = '{"fromMs":"5s","toMs":65000,"stalls":[{"fromMs":1,"toMs":2,"durationMs":1}],"increases":1,"samples":1,"errors":0}';
  assert.throws(() => parseEvidence('progress', bad),
    { message: 'progress evidence does not have the progress checker\'s shape: fromMs: Invalid input: expected number, received string; stalls[0].faults: Invalid input: expected array, received undefined' });
  assert.throws(() => parseEvidence('progress', '{"fromMs":'), /^Error: progress evidence is not JSON \(.+\): \{"fromMs":$/);
  assert.throws(() => parseEvidence('no_loss', null), /no_loss evidence does not have the no_loss checker's shape: \(top\): Invalid input: expected object, received null/);
  assert.throws(() => parseEvidence('speed', '{}'), { message: 'unknown invariant kind "speed" (expected one of progress, no_loss, consistency, converge, recovery, wake_up)' });
});

test('parseVerdict: names the verdict whose evidence is bad and what to do', () => {
  const stored = { name: 'backlog-drains', kind: 'converge', valid: true as const, summary: 'ok', evidence: { condition: '<= 0' } };
  assert.throws(() => parseVerdict(stored), /^Error: verdict "backlog-drains": converge evidence does not have the converge checker's shape: quietStartMs: .*; run `crashtest check <run>` to judge the run again$/);
  const good = { ...stored, evidence: { condition: '<= 0', quietStartMs: 1, deadlineMs: 2, metAtMs: null, lastValue: null, lastMs: null } };
  assert.deepEqual(parseVerdict(good), { ...good, evidence: { ...good.evidence, kind: 'converge' } });
});
