// The scenario soak in the suite: a few hundred seeded mutants of the valid scenarios each pass or are
// refused with every line located; none crashes, none hangs (a worker watched by a time bound).
// `npm run soak:scenarios [count] [seed]` runs the same at a larger count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { tempDir } from '../helpers.js';
import { mutate } from './soak/mutate.js';
import { soakScenarios } from './soak/soak.js';
import { VALID_SOURCES } from './soak/sources.js';
import { located } from './soak/validate-worker.js';
import { dryValues, loadScenario, resolveScenario } from '../../src/scenario/index.js';

test('every source of the soak is valid as it stands, with no extra environment', () => {
  for (const file of VALID_SOURCES) {
    const loaded = loadScenario(file);
    resolveScenario(loaded, dryValues(loaded.scenario, loaded.dir, {}));
  }
});

test('mutants are the same for the same seed, and differ between seeds', () => {
  const source = readFileSync(VALID_SOURCES[0], 'utf8');
  assert.equal(mutate(source, 42), mutate(source, 42));
  const distinct = new Set(Array.from({ length: 20 }, (_, seed) => mutate(source, seed)));
  assert.ok(distinct.size >= 18, `only ${distinct.size} distinct mutants of 20`);
});

test('a located line names the file, a line and a column', () => {
  assert.ok(located('x.yml:3:5 chaos.interval: expected a duration above 0, got number 0', 'x.yml'));
  assert.ok(!located('x.yml: 2 problems in the scenario', 'x.yml'));
  assert.ok(!located('Invalid input', 'x.yml'));
});

test('400 mutants of the valid scenarios: each passes or is refused with a location, never a crash or a hang', async (t) => {
  const dir = tempDir('crashtest-mutants-');
  const result = await soakScenarios({ sources: VALID_SOURCES, count: 400, seed: 1, dir, boundMs: 10_000 });
  t.diagnostic(`outcomes ${JSON.stringify(result.counts)}; slowest ${result.slowest.ms.toFixed(0)} ms (${result.slowest.file})`);
  assert.deepEqual(result.failures.map((f) => `${f.outcome}: ${f.file}\n${f.message}`), []);
  // Both kinds of outcome occur, or the generator has stopped making interesting mutants.
  assert.ok(result.counts.pass >= 10 && result.counts.refused >= 200, JSON.stringify(result.counts));
  rmSync(dir, { recursive: true }); // kept when a mutant failed, to be read
});
