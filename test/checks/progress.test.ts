// Tests of the progress checker: pass, stalls (start, middle, end), window-edge ties, errors, empty history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkProgress } from '../../src/checks/progress.js';
import type { ProbeSample } from '../../src/store/events.js';
import { failed, fault, makeHistory, num, rising, skippedFault } from './fixtures.js';

const opts = { probe: 'jobs', windowMs: 5000 };

// A counter that rises exactly at the given times (sampled every second over the span 5 s..65 s).
function risingAt(times: number[]): ProbeSample[] {
  const out: ProbeSample[] = [];
  for (let t = 5000; t <= 65_000; t += 1000) out.push(num('jobs', t, times.filter((x) => x <= t).length));
  for (const x of times) if (x % 1000 !== 0) out.push(num('jobs', x, times.filter((y) => y <= x).length));
  return out.sort((a, b) => a.t - b.t);
}

const every5s = [10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 45_000, 50_000, 55_000, 60_000, 65_000];

test('progress: a steadily rising counter passes', () => {
  const v = checkProgress(makeHistory({ samples: rising('jobs', 0, 95_000) }), opts);
  assert.deepEqual(v, {
    name: 'progress',
    kind: 'progress',
    valid: true,
    summary: 'rose 61 times, no stall over 5 s',
    evidence: { fromMs: 5000, toMs: 65_000, stalls: [], increases: 61, samples: 61, errors: 0 },
  });
});

test('progress: gaps of exactly windowMs are not stalls (span start, middle and end)', () => {
  const v = checkProgress(makeHistory({ samples: risingAt(every5s) }), opts);
  assert.equal(v.valid, true);
  assert.equal(v.evidence.increases, 12);
  assert.deepEqual(v.evidence.stalls, []);
});

test('progress: a gap of windowMs + 1 is a stall, summary shows exact ms', () => {
  const times = [10_001, ...every5s.slice(1)];
  const v = checkProgress(makeHistory({ samples: risingAt(times) }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.summary, 'stalled 1 time, longest 5001 ms (limit 5000 ms)');
  assert.deepEqual(v.evidence.stalls, [{ fromMs: 5000, toMs: 10_001, durationMs: 5001, faults: [] }]);
});

test('progress: stall at the span start (first increase late)', () => {
  const v = checkProgress(makeHistory({ samples: risingAt([12_000, ...every5s.slice(1)]) }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.summary, 'stalled 1 time, longest 7 s (limit 5 s)');
  assert.deepEqual(v.evidence.stalls, [{ fromMs: 5000, toMs: 12_000, durationMs: 7000, faults: [] }]);
});

test('progress: stall at the span end (last increase early)', () => {
  const v = checkProgress(makeHistory({ samples: risingAt([...every5s.slice(0, -2), 58_000]) }), opts);
  assert.equal(v.valid, false);
  assert.deepEqual(v.evidence.stalls, [{ fromMs: 58_000, toMs: 65_000, durationMs: 7000, faults: [] }]);
});

test('progress: a mid-run stall lists faults fired in it or up to windowMs before it', () => {
  const times = [10_000, 15_000, 20_000, 27_100, 30_000, 35_000, 40_000, 45_000, 50_000, 55_000, 60_000, 65_000];
  const faults = [
    fault(1, 'worker.1', 14_000, 15_000), // before stall start - windowMs: not cited
    fault(2, 'worker.2', 16_000, 17_000), // 4 s before the stall: cited
    fault(3, 'db.1', 22_000, 23_000), // inside: cited
    skippedFault(4, 'worker.1', 23_000), // skipped: never cited
    fault(5, 'worker.1', 30_000, 31_000), // after: not cited
  ];
  const v = checkProgress(makeHistory({ samples: risingAt(times), faults }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.summary, 'stalled 1 time, longest 7.1 s (limit 5 s)');
  assert.deepEqual(v.evidence.stalls, [
    {
      fromMs: 20_000,
      toMs: 27_100,
      durationMs: 7100,
      faults: [
        { seq: 2, instance: 'worker.2', firedMs: 16_000, kind: 'kill' },
        { seq: 3, instance: 'db.1', firedMs: 22_000, kind: 'kill' },
      ],
    },
  ]);
});

test('progress: the baseline may come from a sample before the span', () => {
  const samples = [num('jobs', 4000, 0), num('jobs', 5000, 1), num('jobs', 10_000, 2), num('jobs', 65_000, 3)];
  const v = checkProgress(makeHistory({ samples, run: { quietStartMs: 15_000 } }), opts);
  assert.equal(v.valid, true);
  assert.equal(v.evidence.increases, 2);
});

test('progress: errored samples are not increases; a long outage is a stall', () => {
  const samples = rising('jobs', 5000, 65_000).map((s) => (s.t > 20_000 && s.t < 28_000 ? failed('jobs', s.t, 'timeout') : s));
  const v = checkProgress(makeHistory({ samples }), opts);
  assert.equal(v.valid, false);
  assert.equal(v.summary, 'stalled 1 time, longest 8 s (limit 5 s); 7 probe errors');
  assert.deepEqual(v.evidence.stalls, [{ fromMs: 20_000, toMs: 28_000, durationMs: 8000, faults: [] }]);
  assert.equal(v.evidence.errors, 7);
});

test('progress: all samples errored => unknown', () => {
  const samples = [5000, 6000, 7000].map((t) => failed('jobs', t, 'connection refused'));
  const v = checkProgress(makeHistory({ samples }), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'all 3 samples of probe "jobs" failed (connection refused)');
});

test('progress: empty history => unknown', () => {
  const v = checkProgress(makeHistory(), opts);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.summary, 'no samples of probe "jobs" between 5 s and 1 m 5 s');
  assert.deepEqual(v.evidence, { fromMs: 5000, toMs: 65_000, stalls: [], increases: 0, samples: 0, errors: 0 });
});

test('progress: samples of other probes are ignored', () => {
  const v = checkProgress(makeHistory({ samples: rising('other', 0, 95_000) }), opts);
  assert.equal(v.valid, 'unknown');
});

test('progress: a run cut short ends the span at run.endMs; an empty span is unknown', () => {
  const cut = checkProgress(makeHistory({ samples: rising('jobs', 0, 30_000), run: { endMs: 30_000 } }), opts);
  assert.equal(cut.valid, true);
  assert.equal(cut.evidence.toMs, 30_000);
  const empty = checkProgress(makeHistory({ samples: rising('jobs', 0, 30_000), run: { quietStartMs: 5000 } }), opts);
  assert.equal(empty.valid, 'unknown');
  assert.equal(empty.summary, 'empty chaos span (5 s..5 s)');
});

test('progress: chaos off judges the same span', () => {
  const v = checkProgress(makeHistory({ samples: rising('jobs', 0, 95_000), run: { chaos: false } }), opts);
  assert.equal(v.valid, true);
  assert.equal(v.evidence.fromMs, 5000);
});

test('progress: a drop (counter reset) then a rise counts as an increase', () => {
  const samples = [num('jobs', 5000, 10), num('jobs', 9000, 0), num('jobs', 13_000, 1), num('jobs', 15_000, 2)];
  const v = checkProgress(makeHistory({ samples, run: { quietStartMs: 15_000 } }), opts);
  assert.equal(v.evidence.increases, 2);
  assert.deepEqual(v.evidence.stalls, [{ fromMs: 5000, toMs: 13_000, durationMs: 8000, faults: [] }]);
});
