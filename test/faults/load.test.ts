// The faults file: entries become the schedule a run plays; every mistake is reported at its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadFaults, faultsFileText, faultsOfRun } from '../../src/faults/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ScenarioError } from '../../src/errors.js';
import { FIXTURES, tempDir } from '../helpers.js';

const scenario = loadScenario(path.join(FIXTURES, 'scenarios/converter-armed-small.yml'));

function file(text: string): string {
  const f = path.join(tempDir(), 'faults.yml');
  writeFileSync(f, text);
  return f;
}

test('entries become planned faults: armed kill, pause, and a point kill armed on every instance of a component', () => {
  const faults = loadFaults(file(`faults:
  - { at: 2s, target: worker, kind: kill, point: { syscall: rename, path: "data/out/*.tmp -> data/out/*.raw" } }
  - { at: 1500ms, target: worker.1, kind: kill, armed: { nth: 29 } }
  - { at: 3s, target: api.0, kind: pause, duration: 3s }
`), scenario);
  assert.deepEqual(faults.map((f) => [f.atMs, f.target, f.fault]), [
    [1500, 'worker.1', { kind: 'kill', at: 'persistence', nth: 29 }],
    [2000, 'worker', { kind: 'kill', at: 'persistence', point: { syscall: 'rename', path: 'data/out/*.tmp -> data/out/*.raw', occurrence: 1, among: ['worker.0', 'worker.1', 'worker.2'] } }],
    [3000, 'api.0', { kind: 'pause', durationMs: 3000, at: 'now' }],
  ]);
});

test('a wrong target and an unknown key are located at their line and column', () => {
  const f = file(`faults:
  - { at: 1s, target: wrker.0, kind: kill }
  - { at: 2s, target: worker, kind: kill }
  - { at: 3s, target: api.0, kind: kill, nht: 3 }
`);
  assert.throws(() => loadFaults(f, scenario), (error: ScenarioError) => {
    assert.match(error.message, /faults.yml:4:\d+ faults\.2\.nht: unknown key/);
    return true;
  });
  const g = file(`faults:
  - { at: 1s, target: wrker.0, kind: kill }
  - { at: 2s, target: worker, kind: kill }
`);
  assert.throws(() => loadFaults(g, scenario), (error: ScenarioError) => {
    assert.match(error.message, /2 problems in the faults file/);
    assert.match(error.detail ?? '', /faults.yml:2:\d+ faults\.0\.target: "wrker.0" is no killable instance or component/);
    assert.match(error.detail ?? '', /faults.yml:3:\d+ faults\.1\.target: "worker" names 3 instances \(worker.0, worker.1, worker.2\); name one, e.g. worker.0/);
    return true;
  });
});

test('a stored run\'s planned faults are written back as a faults file that loads to the same schedule', () => {
  const events = [
    { type: 'run.window' as const, t: 10, chaosStartMs: 1000, quietStartMs: 9000 },
    { type: 'chaos.planned' as const, t: 11, faults: [
      { seq: 1, atMs: 1800, instance: 'worker.2', component: 'worker', kind: 'kill', signal: 'SIGKILL', at: 'persistence' as const, nth: 23 },
      { seq: 2, atMs: 2600, instance: 'worker.0', component: 'worker', kind: 'pause', signal: 'SIGSTOP', at: 'now' as const, durationMs: 3000 },
    ] },
  ];
  const text = faultsFileText(faultsOfRun(events), 'from run X');
  assert.match(text, /^# from run X\nfaults:\n  - \{ at: 800ms, target: worker.2, kind: kill, armed: \{ nth: 23 \} \}\n/);
  const faults = loadFaults(file(text), scenario);
  assert.deepEqual(faults.map((f) => [f.atMs, f.target, f.fault]), [
    [800, 'worker.2', { kind: 'kill', at: 'persistence', nth: 23 }],
    [1600, 'worker.0', { kind: 'pause', durationMs: 3000, at: 'now' }],
  ]);
});
