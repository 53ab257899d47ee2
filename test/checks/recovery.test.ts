// Tests of the recovery checker: readiness only, with a progress probe, limits, faults near the end, unknowns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRecovery } from '../../src/checks/recovery.js';
import type { ProbeSample } from '../../src/store/events.js';
import { failed, fault, makeHistory, num, skippedFault } from './fixtures.js';

const opts = { withinMs: 10_000 };

test('recovery: every fault ready within the limit passes, with per-component percentiles', () => {
  const faults = [
    fault(1, 'worker.1', 10_000, 12_000),
    fault(2, 'worker.2', 20_000, 23_500),
    fault(3, 'db.1', 30_000, 38_000),
    skippedFault(4, 'worker.1', 40_000),
  ];
  const v = checkRecovery(makeHistory({ faults }), opts);
  assert.equal(v.valid, true);
  assert.equal(v.summary, '3 faults recovered, slowest 8 s (limit 10 s)');
  assert.deepEqual(v.evidence.perFault[0], {
    seq: 1, instance: 'worker.1', component: 'worker', firedMs: 10_000, readyMs: 12_000,
    progressMs: null, recoveryMs: 2000, ok: true, issue: null,
  });
  assert.deepEqual(v.evidence.perComponent, {
    worker: { count: 2, p50: 2000, p99: 3500, max: 3500 },
    db: { count: 1, p50: 8000, p99: 8000, max: 8000 },
  });
  assert.equal(v.evidence.overLimit, 0);
});

test('recovery: too slow and never ready both fail', () => {
  const faults = [fault(1, 'worker.1', 10_000, 12_000), fault(2, 'db.1', 40_000, 51_000), fault(3, 'worker.1', 50_000, null)];
  const v = checkRecovery(makeHistory({ faults }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.summary, '2 of 3 faults not recovered within 10 s: 1 too slow (slowest 11 s), 1 never recovered');
  assert.deepEqual(v.evidence.perFault.map((f) => [f.seq, f.recoveryMs, f.ok, f.issue]), [
    [1, 2000, true, null],
    [2, 11_000, false, 'over_limit'],
    [3, null, false, 'never_ready'],
  ]);
  assert.deepEqual([v.evidence.overLimit, v.evidence.neverRecovered, v.evidence.undetermined], [2, 1, 0]);
  assert.deepEqual(v.evidence.perComponent.worker, { count: 1, p50: 2000, p99: 2000, max: 2000 });
});

test('recovery: exactly withinMs passes, withinMs + 1 fails', () => {
  const exact = checkRecovery(makeHistory({ faults: [fault(1, 'w.1', 10_000, 20_000)] }), opts);
  assert.equal(exact.valid, true);
  assert.equal(exact.summary, '1 fault recovered, slowest 10 s (limit 10 s)');
  const over = checkRecovery(makeHistory({ faults: [fault(1, 'w.1', 10_000, 20_001)] }), opts);
  assert.equal(over.valid, false);
  assert.equal(over.summary, '1 of 1 fault not recovered within 10 s: 1 too slow (slowest 10001 ms)');
});

// jobs counter: 5 until 13 s, then +1 per second.
const jobs: ProbeSample[] = Array.from({ length: 90 }, (_, i) => num('jobs', 1000 * i, Math.max(5, i - 8)));

test('recovery: with a probe, recovery = max(time to ready, time to progress)', () => {
  const faults = [fault(1, 'worker.1', 10_000, 12_000), fault(2, 'worker.1', 30_000, 35_000)];
  const v = checkRecovery(makeHistory({ faults, samples: jobs }), { withinMs: 10_000, probe: 'jobs' });
  assert.equal(v.valid, true);
  assert.deepEqual(v.evidence.perFault.map((f) => [f.readyMs, f.progressMs, f.recoveryMs]), [
    [12_000, 14_000, 4000], // ready at 12 s, first rise at 14 s (value 6 > 5)
    [35_000, 35_000, 5000], // rising all along: the sample at readyMs counts
  ]);
});

test('recovery: ready but no progress afterwards fails; a probe unreadable after the fault is unknown', () => {
  const flat = Array.from({ length: 90 }, (_, i) => num('jobs', 1000 * i, 5));
  const noProgress = checkRecovery(makeHistory({ faults: [fault(1, 'w.1', 10_000, 12_000)], samples: flat }), { withinMs: 10_000, probe: 'jobs' });
  assert.equal(noProgress.valid, false);
  assert.equal(noProgress.evidence.perFault[0].issue, 'no_progress');
  assert.equal(noProgress.summary, '1 of 1 fault not recovered within 10 s: 1 never recovered');
  const broken = jobs.map((s) => (s.t > 10_000 ? failed('jobs', s.t, 'timeout') : s));
  const unreadable = checkRecovery(makeHistory({ faults: [fault(1, 'w.1', 10_000, 12_000)], samples: broken }), { withinMs: 10_000, probe: 'jobs' });
  assert.equal(unreadable.valid, 'unknown');
  assert.equal(unreadable.summary, 'no fault could be judged: probe unreadable after 1 fault');
});

test('recovery: a fault fired less than withinMs before the end is undetermined, not a failure', () => {
  const faults = [fault(1, 'w.1', 10_000, 12_000), fault(2, 'w.1', 88_000, null)];
  const v = checkRecovery(makeHistory({ faults }), opts);
  assert.equal(v.valid, true);
  assert.equal(v.summary, '1 fault recovered, slowest 2 s (limit 10 s); not judged: 1 fault fired < 10 s before the end');
  assert.deepEqual(v.evidence.perFault[1], {
    seq: 2, instance: 'w.1', component: 'w', firedMs: 88_000, readyMs: null,
    progressMs: null, recoveryMs: null, ok: 'unknown', issue: 'near_end',
  });
  const only = checkRecovery(makeHistory({ faults: [fault(2, 'w.1', 88_000, null)] }), opts);
  assert.equal(only.valid, 'unknown');
  assert.equal(only.summary, 'no fault could be judged: 1 fault fired < 10 s before the end');
});

test('recovery: an aborted run (endMs null) is observed up to its last recorded time', () => {
  const faults = [fault(1, 'w.1', 10_000, null)];
  const short = checkRecovery(makeHistory({ faults, run: { endMs: null }, samples: [num('x', 15_000, 1)] }), opts);
  assert.equal(short.evidence.perFault[0].issue, 'near_end');
  const long = checkRecovery(makeHistory({ faults, run: { endMs: null }, samples: [num('x', 20_000, 1)] }), opts);
  assert.equal(long.evidence.perFault[0].issue, 'never_ready');
});

test('recovery: no faults fired passes', () => {
  const v = checkRecovery(makeHistory({ faults: [skippedFault(1, 'w.1', 10_000)] }), opts);
  assert.deepEqual(v, {
    name: 'recovery',
    kind: 'recovery',
    valid: true,
    summary: 'no faults fired',
    evidence: { withinMs: 10_000, perFault: [], perComponent: {}, overLimit: 0, neverRecovered: 0, undetermined: 0, superseded: 0, unreadable: 0 },
  });
  assert.equal(checkRecovery(makeHistory(), opts).summary, 'no faults fired');
});

test('recovery: an instance killed again before it was ready is superseded, not a failure', () => {
  const faults = [fault(1, 'w.1', 10_000, null), fault(2, 'w.1', 10_200, 10_300), fault(3, 'w.1', 30_000, null), fault(4, 'w.1', 45_000, 46_000)];
  const v = checkRecovery(makeHistory({ faults }), opts);
  assert.deepEqual(v.evidence.perFault.map((f) => f.issue), ['superseded', null, 'never_ready', null]);
  assert.equal(v.evidence.superseded, 1);
  assert.equal(v.valid, false, 'fault 3 was not killed again within the limit: it never recovered');
  const ok = checkRecovery(makeHistory({ faults: faults.filter((f) => f.seq !== 3) }), opts);
  assert.equal(ok.valid, true);
  assert.match(ok.summary, /; not judged: 1 fault killed again before recovering$/);
});
