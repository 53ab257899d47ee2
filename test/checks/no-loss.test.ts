// Tests of the no_loss checker: pass, lost keys with the faults after their ack, unknown cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNoLoss } from '../../src/checks/no-loss.js';
import { failed, fault, list, makeHistory, op } from './fixtures.js';

const opts = { probe: 'keys' };
const ops = [op(1, 'k1', 10_000), op(2, 'k2', 20_000), op(3, 'k3', 30_000), op(4, 'k4', 40_000, 'gave_up'), op(5, 'k5', 50_000, 'rejected')];

test('no_loss: every acked key present passes (unacked keys may be missing)', () => {
  const samples = [list('keys', 60_000, ['k1']), list('keys', 90_000, ['k1', 'k2', 'k3', 'extra'], true)];
  const v = checkNoLoss(makeHistory({ ops, samples }), opts);
  assert.deepEqual(v, {
    name: 'no_loss',
    kind: 'no_loss',
    valid: true,
    summary: 'all 3 acknowledged writes present',
    evidence: { acked: 3, present: 3, lost: 0, finalMs: 90_000, missing: [] },
  });
});

test('no_loss: missing keys fail, with faults fired within 10 s after each ack', () => {
  const faults = [fault(1, 'db.1', 25_000, 27_000), fault(2, 'db.1', 45_000, 47_000), fault(3, 'db.1', 5_000, 6_000)];
  const samples = [list('keys', 90_000, ['k2'], true)];
  const v = checkNoLoss(makeHistory({ ops, samples, faults }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.summary, 'lost 2 of 3 acknowledged writes (first "k1", acked at 10 s)');
  assert.deepEqual(v.evidence, {
    acked: 3,
    present: 1,
    lost: 2,
    finalMs: 90_000,
    missing: [
      { key: 'k1', ackMs: 10_000, faultsAfter: [] },
      { key: 'k3', ackMs: 30_000, faultsAfter: [] },
    ],
  });
  const v2 = checkNoLoss(makeHistory({ ops, samples: [list('keys', 90_000, [], true)], faults }), opts);
  assert.deepEqual(v2.evidence.missing[1], { key: 'k2', ackMs: 20_000, faultsAfter: [{ seq: 1, instance: 'db.1', firedMs: 25_000, kind: 'kill' }] });
});

test('no_loss: the fault window is configurable and at most 20 keys are listed', () => {
  const many = Array.from({ length: 25 }, (_, i) => op(i, `k${i}`, 1000 * (i + 1)));
  const faults = [fault(1, 'db.1', 3_500, 4_000)];
  const v = checkNoLoss(makeHistory({ ops: many, samples: [list('keys', 90_000, [], true)], faults }), { probe: 'keys', faultWindowMs: 1000 });
  assert.equal(v.evidence.lost, 25);
  assert.equal(v.evidence.missing.length, 20);
  assert.deepEqual(v.evidence.missing.slice(1, 4).map((m) => m.faultsAfter.length), [0, 1, 0]);
});

test('no_loss: a key acked twice counts once, at its first ack', () => {
  const v = checkNoLoss(makeHistory({ ops: [op(1, 'k', 9000), op(2, 'k', 5000)], samples: [list('keys', 90_000, [], true)] }), opts);
  assert.deepEqual(v.evidence, { acked: 1, present: 0, lost: 1, finalMs: 90_000, missing: [{ key: 'k', ackMs: 5000, faultsAfter: [] }] });
});

test('no_loss: the final sample is judged, not earlier ones', () => {
  const samples = [list('keys', 60_000, []), list('keys', 90_000, ['k1', 'k2', 'k3'], true)];
  assert.equal(checkNoLoss(makeHistory({ ops, samples }), opts).valid, true);
});

test('no_loss: no final sample => unknown', () => {
  const v = checkNoLoss(makeHistory({ ops, samples: [list('keys', 60_000, ['k1', 'k2', 'k3'])] }), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'no final sample of probe "keys"');
});

test('no_loss: final sample errored => unknown', () => {
  const v = checkNoLoss(makeHistory({ ops, samples: [failed('keys', 90_000, 'psql: connection refused', true)] }), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'final sample of probe "keys" failed: psql: connection refused');
});

test('no_loss: zero acknowledged writes => unknown (nothing to lose proves nothing)', () => {
  const v = checkNoLoss(makeHistory({ ops: [op(1, 'k', 1000, 'gave_up')], samples: [list('keys', 90_000, [], true)] }), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'no acknowledged writes to check');
});

test('no_loss: empty history => unknown', () => {
  const v = checkNoLoss(makeHistory(), opts);
  assert.deepEqual(v, {
    name: 'no_loss',
    kind: 'no_loss',
    valid: 'unknown',
    summary: 'no final sample of probe "keys"',
    evidence: { acked: 0, present: 0, lost: 0, finalMs: null, missing: [] },
  });
});
