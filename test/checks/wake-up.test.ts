// Tests of the wake_up checker on literal histories: a budget burned fast pages, brief budgeted errors do
// not; a crash loop, an instance left down and the user's own alerts page; a quiet run answers "no".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWakeUp, type WakeUpOptions } from '../../src/checks/wake-up.js';
import type { OpRecord, RunEvent } from '../../src/store/events.js';
import type { InstanceRecord } from '../../src/store/history.js';
import { fault, list, makeHistory } from './fixtures.js';

/** The defaults a scenario gets without writing wake_up (the run lasts 60 s: an "hour" is 5 s). */
const DEFAULTS: WakeUpOptions = { backWithinMs: 30_000, crashLoop: { exits: 3, withinMs: 60_000 }, availability: 0.99, latency: null, alerts: null };

/** One operation every 100 ms from 0 to 60 s; `bad(seq, t)` says which ones gave up. */
function ops(bad: (seq: number, t: number) => boolean, latencyMs = 20): OpRecord[] {
  return Array.from({ length: 600 }, (_, seq) => {
    const t = seq * 100;
    const outcome = bad(seq, t) ? 'gave_up' : 'acked';
    return { seq, key: `k${seq}`, startMs: t - latencyMs, endMs: t, outcome, attempts: [{ t: t - latencyMs, outcome, latencyMs }], ...(outcome === 'acked' ? { ackMs: t } : {}) };
  });
}

/** One generation of an instance. */
function life(instance: string, generation: number, spawnedMs: number, readyMs: number | null, ended: { t: number; cause: 'chaos' | 'self'; code?: number } | null): InstanceRecord {
  return {
    component: instance.split('.')[0], instance, generation, pid: 100 + generation, spawnedMs, readyMs,
    endedMs: ended?.t ?? null, exitCode: ended?.code ?? null, signal: ended?.cause === 'chaos' ? 'SIGKILL' : null, cause: ended?.cause ?? null,
  };
}

/** The exit event of a generation that exited on its own, with its last lines. */
function selfExit(instance: string, generation: number, t: number, tail: string[]): RunEvent {
  return { type: 'component.exited', t, instance, pid: 100 + generation, code: 1, signal: null, cause: 'self', uptimeMs: 5, tail };
}

test('wake_up: a correct run answers no, with what it judged', () => {
  const instances = [life('api.0', 1, 0, 300, { t: 10_000, cause: 'chaos' }), life('api.0', 2, 10_010, 10_400, null)];
  const v = checkWakeUp(makeHistory({ instances, faults: [fault(1, 'api.0', 10_000, 10_400)], ops: ops(() => false) }), DEFAULTS);
  assert.equal(v.valid, true);
  assert.equal(v.summary, 'no: nobody had to act (no exit of its own, every instance back within 400 ms (limit 30 s)); '
    + '600 ops: 100% acknowledged in time (objective 99%, 0% of the budget spent)');
  assert.deepEqual(v.evidence.pages, []);
  assert.equal(v.evidence.firstPageMs, null);
  assert.deepEqual(v.evidence.users?.rules, [
    { name: 'fast burn', burnRate: 14.4, longMs: 5000, shortMs: 5000 / 12 },
    { name: 'slow burn', burnRate: 6, longMs: 30_000, shortMs: 2500 },
  ]);
});

test('wake_up: a third of the requests dropped for 10 s burns the budget fast and pages, with the fault before it', () => {
  const dropped = ops((seq, t) => t >= 20_000 && t < 30_000 && seq % 3 === 0);
  const v = checkWakeUp(makeHistory({ ops: dropped, faults: [fault(1, 'api.0', 19_000, 19_500)] }), DEFAULTS);
  assert.equal(v.valid, false);
  // fast burn: at 22.2 s the last 5 s hold 8 failures in 50 (16% = 16x the 1% budget) and the last 417 ms 2 in 5;
  // it stops once the last failure (29.7 s) leaves the short window; the slow burn (from 25.2 s) overlaps: one page.
  assert.deepEqual(v.evidence.pages, [{
    cause: 'budget_burn', atMs: 22_200, untilMs: 31_900, instance: null,
    what: 'availability below its 99% objective: the error budget burned up to 34x as fast as allowed, paging for 9.7 s '
      + '(fast burn ≥ 14.4x over 5 s and 417 ms, then slow burn ≥ 6x over 30 s and 2.5 s); 33 of 147 operations missed it',
    faultsBefore: [{ seq: 1, instance: 'api.0', firedMs: 19_000, kind: 'kill' }], tail: [],
  }]);
  assert.equal(v.summary, `yes, at 22.2 s: ${v.evidence.pages[0].what}; after the kill of api.0 at 19 s; 550% of the availability budget spent`);
  assert.deepEqual(v.evidence.users?.availability, { target: 0.99, thresholdMs: null, good: 567, bad: 33, budgetSpent: 5.5 });
});

test('wake_up: brief errors within the budget do not page', () => {
  // three failures a few seconds apart: 0.5% of the operations, half the budget, never 14.4x in a window
  const v = checkWakeUp(makeHistory({ ops: ops((seq) => seq === 150 || seq === 350 || seq === 550) }), DEFAULTS);
  assert.equal(v.valid, true);
  assert.equal(v.evidence.users?.availability?.budgetSpent, 0.5);
  assert.match(v.summary, /600 ops: 99\.5% acknowledged in time \(objective 99%, 50% of the budget spent\)$/);
});

test('wake_up: a latency objective pages when acknowledgements come too slowly', () => {
  const slow = ops(() => false, 3000).map((op) => (op.endMs >= 40_000 && op.endMs < 45_000 ? op : { ...op, startMs: op.endMs - 20 }));
  const v = checkWakeUp(makeHistory({ ops: slow }), { ...DEFAULTS, latency: { thresholdMs: 1000, target: 0.99 } });
  assert.equal(v.valid, false);
  // the 8th slow acknowledgement makes 8 in the last 50 (16x the 1% budget)
  assert.equal(v.evidence.pages[0].atMs, 40_700);
  assert.match(v.evidence.pages[0].what, /^latency ≤ 1 s below its 99% objective/);
  assert.deepEqual(v.evidence.users?.latency, { target: 0.99, thresholdMs: 1000, good: 550, bad: 50, budgetSpent: 8.333333 });
});

test('wake_up: an instance that crash-loops from its first start pages at its third exit, with its last lines', () => {
  const tail = ['booting', 'fatal: cannot open /etc/app.conf'];
  const instances = [
    life('flaky.0', 1, 0, 0, { t: 10, cause: 'self', code: 1 }),
    life('flaky.0', 2, 110, 110, { t: 120, cause: 'self', code: 1 }),
    life('flaky.0', 3, 320, 320, { t: 330, cause: 'self', code: 1 }),
    life('flaky.0', 4, 730, 730, null),
  ];
  const events = [selfExit('flaky.0', 1, 10, tail), selfExit('flaky.0', 2, 120, tail), selfExit('flaky.0', 3, 330, tail)];
  const v = checkWakeUp(makeHistory({ instances, events }), DEFAULTS);
  assert.equal(v.valid, false);
  assert.deepEqual(v.evidence.pages, [{
    cause: 'crash_loop', atMs: 330, untilMs: null, instance: 'flaky.0',
    what: 'flaky.0 crash-looped: 3 exits of its own (code 1), the first 3 within 320 ms; it said: "fatal: cannot open /etc/app.conf"', faultsBefore: [], tail,
  }]);
  assert.equal(v.summary, `yes, at 330 ms: ${v.evidence.pages[0].what}`);
  assert.equal(v.evidence.selfExitCount, 3);
  assert.deepEqual(v.evidence.selfExits[0], { instance: 'flaky.0', pid: 101, t: 10, code: 1, signal: null, uptimeMs: 5, tail });
});

test('wake_up: two exits of its own, each back at once, are not a crash loop', () => {
  const instances = [
    life('api.0', 1, 0, 100, { t: 20_000, cause: 'self', code: 1 }),
    life('api.0', 2, 20_100, 20_200, { t: 50_000, cause: 'self', code: 1 }),
    life('api.0', 3, 50_100, 50_200, null),
  ];
  const events = [selfExit('api.0', 1, 20_000, ['oom']), selfExit('api.0', 2, 50_000, ['oom'])];
  const v = checkWakeUp(makeHistory({ instances, events }), DEFAULTS);
  assert.equal(v.valid, true);
  assert.equal(v.summary, 'no: nobody had to act (2 exits of their own, every instance back within 200 ms (limit 30 s)); no workload to judge the users\' view');
});

test('wake_up: an instance that exits and is never restarted stays down, and one back too late pages too', () => {
  const instances = [
    life('worker.0', 1, 0, 100, { t: 20_000, cause: 'self', code: 2 }),
    life('db.0', 1, 0, 100, { t: 30_000, cause: 'chaos' }),
    life('db.0', 2, 30_000, 42_000, null),
  ];
  const events = [selfExit('worker.0', 1, 20_000, ['lost connection'])];
  const v = checkWakeUp(makeHistory({ instances, events }), { ...DEFAULTS, backWithinMs: 10_000 });
  assert.equal(v.valid, false);
  assert.deepEqual(v.evidence.pages.map((p) => [p.cause, p.atMs, p.untilMs, p.what, p.tail]), [
    ['stayed_down', 30_000, null, 'worker.0 exited on its own (code 2) at 20 s and never came back (limit 10 s): someone has to restart it; it said: "lost connection"', ['lost connection']],
    ['slow_return', 40_000, 42_000, 'db.0 killed by chaos at 30 s, ready again only after 12 s (limit 10 s)', []],
  ]);
  assert.match(v.summary, /^yes, at 30 s: worker\.0 exited on its own .* \(\+1 more page\)$/);
});

test('wake_up: an instance down less than the bound before the end is not judged', () => {
  const instances = [life('worker.0', 1, 0, 100, { t: 90_000, cause: 'self', code: 2 })];
  const v = checkWakeUp(makeHistory({ instances, events: [selfExit('worker.0', 1, 90_000, [])] }), DEFAULTS);
  assert.equal(v.valid, true);
});

test('wake_up: the user\'s alert firing longer than for: pages; a shorter one does not', () => {
  const samples = [
    list('alerts', 10_000, []), list('alerts', 11_000, ['HighLatency']), list('alerts', 12_000, []),
    list('alerts', 20_000, ['QueueBacklog']), list('alerts', 30_000, ['QueueBacklog', 'HighLatency']), list('alerts', 40_000, []),
  ];
  const opts = { ...DEFAULTS, alerts: { probe: 'alerts', forMs: 5000 } };
  const v = checkWakeUp(makeHistory({ samples, faults: [fault(2, 'queue.0', 15_000, 15_100)] }), opts);
  assert.equal(v.valid, false);
  assert.deepEqual(v.evidence.alerts?.firing.map((f) => [f.alert, f.fromMs, f.toMs]), [
    ['HighLatency', 11_000, 12_000], ['QueueBacklog', 20_000, 40_000], ['HighLatency', 30_000, 40_000],
  ]);
  assert.deepEqual(v.evidence.pages.map((p) => [p.cause, p.atMs, p.what, p.faultsBefore.map((f) => f.seq)]), [
    ['alert', 25_000, 'alert "QueueBacklog" fired for 20 s from 20 s (for: 5 s)', [2]],
    ['alert', 35_000, 'alert "HighLatency" fired for 10 s from 30 s (for: 5 s)', []],
  ]);
});

test('wake_up: an alerts probe that never answered cannot tell (never a pass)', () => {
  const samples = [{ probe: 'alerts', t: 1000, final: false, error: 'connection refused' }];
  const v = checkWakeUp(makeHistory({ samples }), { ...DEFAULTS, alerts: { probe: 'alerts', forMs: 0 } });
  assert.equal(v.valid, 'unknown');
  assert.match(v.summary, /alerts probe "alerts" never answered$/);
});

test('wake_up: an objective of 100% is refused (there would be no budget to burn)', () => {
  assert.throws(() => checkWakeUp(makeHistory(), { ...DEFAULTS, availability: 1 }), /option availability must be a fraction between 0 and 1 \(e\.g\. 0\.99\), got 1/);
});

test('wake_up: an instance killed again before it was ready is judged on its last kill, as recovery does', () => {
  const instances = [
    life('worker.1', 1, 0, 100, { t: 2500, cause: 'chaos' }),
    life('worker.1', 2, 2510, null, { t: 2700, cause: 'chaos' }),
    life('worker.1', 3, 2710, null, { t: 2900, cause: 'chaos' }),
    life('worker.1', 4, 2910, 3300, null),
  ];
  const v = checkWakeUp(makeHistory({ instances }), { ...DEFAULTS, backWithinMs: 1000 });
  assert.equal(v.valid, true, v.summary);
  assert.equal(v.evidence.downs, 1);
  assert.equal(v.evidence.slowestBackMs, 400);
});

test('wake_up: an instance not ready for longer than the bound before it was killed again pages', () => {
  const instances = [
    life('worker.1', 1, 0, 100, { t: 2000, cause: 'chaos' }),
    life('worker.1', 2, 2010, null, { t: 5000, cause: 'chaos' }),
    life('worker.1', 3, 5010, 5100, null),
  ];
  const v = checkWakeUp(makeHistory({ instances }), { ...DEFAULTS, backWithinMs: 1000 });
  assert.deepEqual(v.evidence.pages.map((p) => [p.cause, p.atMs, p.untilMs, p.what]), [
    ['slow_return', 3000, 5000, 'worker.1 killed by chaos at 2 s, not ready again before it ended again at 5 s (limit 1 s)'],
  ]);
});

test('wake_up: what a crash-looping node program said is its error line, not the end of its stack trace', () => {
  const tail = ['/app/worker.js:12', "    throw er; // Unhandled 'error' event", 'Error: connect ECONNREFUSED 127.0.0.1:5432', '    at TCPConnectWrap.afterConnect', 'Node.js v20.20.2'];
  const instances = [0, 1, 2].map((i) => life('worker.0', i + 1, i * 1000, i * 1000 + 10, { t: i * 1000 + 500, cause: 'self', code: 1 }));
  const events = [0, 1, 2].map((i) => selfExit('worker.0', i + 1, i * 1000 + 500, tail));
  const v = checkWakeUp(makeHistory({ instances, events }), DEFAULTS);
  assert.match(v.summary, /; it said: "Error: connect ECONNREFUSED 127\.0\.0\.1:5432"$/);
  assert.deepEqual(v.evidence.pages[0].tail, tail);
});
