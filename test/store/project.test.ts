// The projection events → History on literal event lists: fault attribution, instance lives, operations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectHistory, type RunEvent, type RunInfo } from '../../src/store/index.js';

const run: RunInfo = {
  id: 'r1', name: 'literal', scenarioPath: 'x.yml', seed: 1, chaos: true, status: 'running', startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 10_000, chaosStartMs: 0, quietStartMs: 0, endMs: null, exitCode: null, command: 'crashtest run x.yml',
};

const planned: RunEvent = {
  type: 'chaos.planned', t: 100, faults: [
    { seq: 1, atMs: 1000, instance: 'api.0', component: 'api', kind: 'kill', signal: 'SIGKILL' },
    { seq: 2, atMs: 2000, instance: 'api.0', component: 'api', kind: 'kill', signal: 'SIGKILL' },
    { seq: 3, atMs: 3000, instance: 'worker.1', component: 'worker', kind: 'kill', signal: 'SIGKILL' },
  ],
};

test('a fault is recovered by the next spawn and the next ready of its instance', () => {
  const history = projectHistory(run, [
    { type: 'component.spawned', t: 5, instance: 'api.0', component: 'api', pid: 10, generation: 1 },
    { type: 'component.ready', t: 50, instance: 'api.0', pid: 10, afterMs: 45 },
    planned,
    { type: 'fault.injected', t: 1000.4, seq: 1, instance: 'api.0', pid: 10, signal: 'SIGKILL', scheduledMs: 1000 },
    // The supervisor records the exit after the replacement's spawn, with the earlier time.
    { type: 'component.spawned', t: 1003, instance: 'api.0', component: 'api', pid: 11, generation: 2 },
    { type: 'component.exited', t: 1001, instance: 'api.0', pid: 10, code: null, signal: 'SIGKILL', cause: 'chaos', uptimeMs: 996 },
    { type: 'component.ready', t: 1080, instance: 'api.0', pid: 11, afterMs: 77 },
  ]);
  assert.deepEqual(history.faults[0], {
    seq: 1, scheduledMs: 1000, firedMs: 1000.4, instance: 'api.0', component: 'api', kind: 'kill', pid: 10, signal: 'SIGKILL',
    skipped: null, restartedMs: 1003, readyMs: 1080, why: null, armed: null, healedMs: null, victims: [],
  });
  assert.deepEqual(history.instances.map((i) => [i.pid, i.readyMs, i.endedMs, i.cause]), [[10, 50, 1001, 'chaos'], [11, 1080, null, null]]);
  assert.deepEqual(history.faults.slice(1).map((f) => f.firedMs), [null, null], 'planned faults not fired stay unfired');
});

test('a victim killed again before it was ready: the first fault never saw it ready, the second did', () => {
  const history = projectHistory(run, [
    planned,
    { type: 'component.spawned', t: 5, instance: 'api.0', pid: 10, generation: 1 },
    { type: 'fault.injected', t: 1000, seq: 1, instance: 'api.0', pid: 10, signal: 'SIGKILL', scheduledMs: 1000 },
    { type: 'component.exited', t: 1001, instance: 'api.0', pid: 10, code: null, signal: 'SIGKILL', cause: 'chaos', uptimeMs: 996 },
    { type: 'component.spawned', t: 1002, instance: 'api.0', pid: 11, generation: 2 },
    { type: 'fault.injected', t: 2000, seq: 2, instance: 'api.0', pid: 11, signal: 'SIGKILL', scheduledMs: 2000 },
    { type: 'component.exited', t: 2001, instance: 'api.0', pid: 11, code: null, signal: 'SIGKILL', cause: 'chaos', uptimeMs: 999 },
    { type: 'component.spawned', t: 2002, instance: 'api.0', pid: 12, generation: 3 },
    { type: 'component.ready', t: 2100, instance: 'api.0', pid: 12, afterMs: 98 },
    { type: 'fault.skipped', t: 3000, seq: 3, instance: 'worker.1', reason: 'worker.1 is not running', scheduledMs: 3000 },
  ]);
  assert.deepEqual(history.faults.map((f) => [f.seq, f.restartedMs, f.readyMs, f.skipped]), [
    [1, 1002, null, null], [2, 2002, 2100, null], [3, null, null, 'worker.1 is not running'],
  ]);
  assert.equal(history.instances[0].component, 'api', 'the component comes from the instance name when the event has none');
});

test('a fault fired without a planned entry is still a fault', () => {
  const history = projectHistory(run, [
    { type: 'fault.injected', t: 700, seq: 9, instance: 'worker.2', pid: 40, signal: 'SIGKILL', scheduledMs: 690 },
  ]);
  assert.deepEqual(history.faults.map((f) => [f.seq, f.component, f.scheduledMs, f.firedMs]), [[9, 'worker', 690, 700]]);
});

test('operations: completed ones by seq, invoked ones never completed are kept as in flight', () => {
  const op = (seq: number, outcome: 'acked' | 'gave_up') => ({
    seq, key: `k${seq}`, startMs: seq * 100, endMs: seq * 100 + 30, outcome, attempts: [{ t: seq * 100, outcome: '201', latencyMs: 30 }],
    ...(outcome === 'acked' ? { ackMs: seq * 100 + 30 } : {}),
  });
  const history = projectHistory(run, [
    { type: 'op.invoked', t: 100, seq: 1, key: 'k1' },
    { type: 'op.invoked', t: 200, seq: 2, key: 'k2' },
    { type: 'op.invoked', t: 300, seq: 3, key: 'k3' },
    { type: 'op.completed', t: 330, op: op(3, 'gave_up') },
    { type: 'op.completed', t: 130, op: op(1, 'acked') },
  ]);
  assert.deepEqual(history.ops.map((o) => [o.seq, o.outcome]), [[1, 'acked'], [3, 'gave_up']]);
  assert.deepEqual(history.inFlight, [{ seq: 2, key: 'k2', startMs: 200 }]);
});

test('run.window and run.finished complete what was known when the run was created', () => {
  const history = projectHistory(run, [
    { type: 'run.window', t: 400, chaosStartMs: 400, quietStartMs: 7400 },
    { type: 'usage.sampled', t: 1000, readings: [{ t: 1000, instance: 'api.0', pid: 10, cpu: 1.5, rss: 4096 }] },
    { type: 'probe.sampled', t: 900, sample: { probe: 'done', t: 900, final: false, value: 3 } },
    { type: 'run.finished', t: 10_500, status: 'failed', exitCode: 1 },
  ]);
  assert.deepEqual([history.run.chaosStartMs, history.run.quietStartMs, history.run.status, history.run.exitCode, history.run.endMs],
    [400, 7400, 'failed', 1, 10_500]);
  assert.deepEqual(history.usage, [{ t: 1000, instance: 'api.0', pid: 10, cpu: 1.5, rss: 4096 }]);
  assert.deepEqual(history.samples, [{ probe: 'done', t: 900, final: false, value: 3 }]);
  assert.deepEqual(history.events.map((e) => e.t), [400, 900, 1000, 10_500], 'events come back in time order');
});

test('JSON nulls of migrated rows read as absent keys', () => {
  const history = projectHistory(run, [
    { type: 'probe.sampled', t: 5, sample: JSON.parse('{"probe":"keys","t":5,"final":true,"value":null,"items":["a"],"error":null}') },
    { type: 'op.completed', t: 9, op: JSON.parse('{"seq":1,"key":"k","startMs":1,"endMs":9,"outcome":"gave_up","attempts":[],"ackMs":null,"detail":null}') },
  ]);
  assert.deepEqual(history.samples[0], { probe: 'keys', t: 5, final: true, items: ['a'] });
  assert.equal('ackMs' in history.ops[0], false);
});

test('a pause is ready again when it is continued; a power loss names its victims and when the volume came back', () => {
  const history = projectHistory(run, [
    { type: 'chaos.planned', t: 0, faults: [
      { seq: 1, atMs: 1000, instance: 'worker.0', component: 'worker', kind: 'pause', signal: 'SIGSTOP', at: 'persistence', nth: 30, durationMs: 3000, why: 'rotation: component 1 of 2' },
      { seq: 2, atMs: 5000, instance: 'api.0', component: 'api', kind: 'power-loss', signal: 'SIGKILL', why: 'power loss: an instance on a volume' },
    ] },
    { type: 'component.spawned', t: 5, instance: 'worker.0', pid: 20, generation: 1 },
    { type: 'component.spawned', t: 6, instance: 'api.0', pid: 10, generation: 1 },
    { type: 'fault.injected', t: 1200, seq: 1, instance: 'worker.0', pid: 20, signal: 'SIGSTOP', scheduledMs: 1000, kind: 'pause',
      armed: { armedMs: 1000, nth: 30, syscall: 'pwrite64', path: '/data/out/x.tmp', tid: 20, fellBack: null } },
    { type: 'fault.healed', t: 4200, seq: 1, instance: 'worker.0', detail: 'continued after 3000 ms' },
    { type: 'fault.injected', t: 5001, seq: 2, instance: 'api.0', pid: 10, signal: 'SIGKILL', scheduledMs: 5000, kind: 'power-loss', victims: ['api.0', 'worker.0'] },
    { type: 'fault.healed', t: 5030, seq: 2, instance: 'api.0', detail: 'mounted again in 25 ms' },
    { type: 'component.spawned', t: 5031, instance: 'api.0', pid: 11, generation: 2 },
    { type: 'component.ready', t: 5100, instance: 'api.0', pid: 11, afterMs: 69 },
  ]);
  const [pause, power] = history.faults;
  assert.deepEqual([pause.kind, pause.firedMs, pause.healedMs, pause.restartedMs, pause.readyMs, pause.armed?.syscall, pause.why],
    ['pause', 1200, 4200, 4200, 4200, 'pwrite64', 'rotation: component 1 of 2']);
  assert.deepEqual([power.kind, power.victims, power.healedMs, power.restartedMs, power.readyMs], ['power-loss', ['api.0', 'worker.0'], 5030, 5031, 5100]);
  assert.equal(history.instances.filter((i) => i.instance === 'worker.0').length, 1, 'a paused instance is not restarted');
});
