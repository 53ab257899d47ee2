// The schedule is data: the same seed gives the same list; kills respect the interval and the quiet period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchedule } from '../../src/chaos/index.js';

const base = { targets: ['api.0', 'worker.0', 'worker.1', 'worker.2'], intervalMs: 10_000, jitterMs: 0, startAfterMs: 0, quietStartMs: 45_000 };

test('same seed, same faults; another seed, other targets', () => {
  const a = buildSchedule({ ...base, seed: 42 });
  assert.deepEqual(a, buildSchedule({ ...base, seed: 42 }));
  const targets = (seed: number) => buildSchedule({ ...base, seed, quietStartMs: 1_000_000 }).map((f) => f.target).join();
  assert.notEqual(targets(42), targets(43));
});

test('one kill per interval, the first one interval after start_after, none in the quiet period', () => {
  const faults = buildSchedule({ ...base, seed: 1, startAfterMs: 5_000 });
  assert.deepEqual(faults.map((f) => f.atMs), [15_000, 25_000, 35_000]);
  assert.deepEqual(faults.map((f) => f.seq), [1, 2, 3]);
  for (const f of faults) assert.ok(base.targets.includes(f.target));
});

test('jitter moves each kill within ±jitter, deterministically', () => {
  const faults = buildSchedule({ ...base, seed: 9, jitterMs: 2_000, quietStartMs: 200_000 });
  faults.forEach((f, i) => assert.ok(Math.abs(f.atMs - (i + 1) * 10_000) <= 2_000, `fault ${f.seq} at ${f.atMs}`));
  assert.ok(faults.some((f, i) => f.atMs !== (i + 1) * 10_000), 'jitter moved at least one kill');
  assert.deepEqual(faults, buildSchedule({ ...base, seed: 9, jitterMs: 2_000, quietStartMs: 200_000 }));
});

test('random targets are spread over every instance', () => {
  const faults = buildSchedule({ ...base, seed: 5, intervalMs: 10, quietStartMs: 10_000, choose: 'random' });
  const counts = new Map<string, number>();
  for (const f of faults) counts.set(f.target, (counts.get(f.target) ?? 0) + 1);
  assert.equal(counts.size, 4);
  for (const n of counts.values()) assert.ok(n > 150, `each target gets about a quarter of ${faults.length} kills`);
});

test('no targets or no time: no faults', () => {
  assert.deepEqual(buildSchedule({ ...base, seed: 1, targets: [] }), []);
  assert.deepEqual(buildSchedule({ ...base, seed: 1, quietStartMs: 10_000 }), []);
});

test('rotation: every component is hit once in each round, in a seeded order, with the reason recorded', () => {
  for (let seed = 0; seed < 50; seed++) {
    const faults = buildSchedule({ ...base, seed, quietStartMs: 35_000 });
    assert.equal(faults.length, 3);
    const components = faults.map((f) => f.target.replace(/\.\d+$/, ''));
    assert.deepEqual(new Set(components.slice(0, 2)), new Set(['api', 'worker']), `seed ${seed}: ${components}`);
    assert.equal(components[2], components[0], 'round 2 starts where round 1 did');
    assert.match(faults[0].why, /^rotation: component 1 of 2 \((api, worker|worker, api)\), round 1$/);
  }
});

test('the fault mix follows its weights, from the seed', () => {
  const faults = buildSchedule({
    ...base, seed: 3, intervalMs: 10, quietStartMs: 30_000,
    faults: [{ fault: { kind: 'kill', at: 'persistence' }, weight: 3 }, { fault: { kind: 'pause', durationMs: 700 }, weight: 1 }],
  });
  const pauses = faults.filter((f) => f.fault.kind === 'pause').length;
  assert.ok(Math.abs(pauses / faults.length - 0.25) < 0.03, `${pauses} pauses of ${faults.length}`);
  assert.ok(faults.every((f) => f.fault.kind === 'pause' ? f.fault.durationMs === 700 : f.fault.kind === 'kill' && f.fault.at === 'persistence'));
});

test('power loss only hits instances on a volume, and is left out when there is none', () => {
  const mix = [{ fault: { kind: 'power-loss' as const }, weight: 1 }, { fault: { kind: 'kill' as const, at: 'now' as const }, weight: 1 }];
  const faults = buildSchedule({ ...base, seed: 4, intervalMs: 10, quietStartMs: 5_000, faults: mix, volumeTargets: ['worker.1'] });
  const power = faults.filter((f) => f.fault.kind === 'power-loss');
  assert.ok(power.length > 100);
  assert.ok(power.every((f) => f.target === 'worker.1'));
  assert.ok(buildSchedule({ ...base, seed: 4, intervalMs: 10, quietStartMs: 5_000, faults: mix }).every((f) => f.fault.kind === 'kill'));
});

test('rotation with two components and two kinds: four faults give each component each kind', () => {
  const mix = [{ fault: { kind: 'kill' as const, at: 'persistence' as const }, weight: 1 }, { fault: { kind: 'pause' as const, durationMs: 6000, at: 'persistence' as const }, weight: 1 }];
  for (let seed = 0; seed < 30; seed++) {
    const faults = buildSchedule({ ...base, seed, faults: mix, nth: { from: 21, to: 37 } });
    assert.equal(faults.length, 4);
    const combos = new Set(faults.map((f) => `${f.target.replace(/\.\d+$/, '')}/${f.fault.kind}`));
    assert.deepEqual([...combos].sort(), ['api/kill', 'api/pause', 'worker/kill', 'worker/pause'], `seed ${seed}`);
    for (const f of faults) {
      const nth = f.fault.kind === 'power-loss' ? 0 : f.fault.nth ?? 0;
      assert.ok(nth >= 21 && nth <= 37, `nth ${nth} in the range`);
    }
    assert.deepEqual(faults, buildSchedule({ ...base, seed, faults: mix, nth: { from: 21, to: 37 } }), 'same seed, same nth');
  }
});
