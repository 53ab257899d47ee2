// The wake_up settings in a scenario: written out, left out (judged with its defaults), turned off, and wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';
import { checksFor, wakeUpOptions } from '../../src/run/index.js';
import { ScenarioError } from '../../src/errors.js';
import { FIXTURES, tempDir } from '../helpers.js';

const file = (name: string): string => path.relative(process.cwd(), path.join(FIXTURES, 'scenarios', name));

test('every wake_up setting is read: percentages as fractions, durations in ms, back_within from recovery', () => {
  const { scenario } = loadScenario(file('good/wake-up-settings.yml'));
  assert.deepEqual(wakeUpOptions(scenario), {
    backWithinMs: 5000, crashLoop: { exits: 4, withinMs: 120_000 }, availability: 0.999,
    latency: { thresholdMs: 2000, target: 0.95 }, hourMs: 10_000, alerts: { probe: 'alerts', forMs: 30_000 },
  });
});

test('a scenario that does not write wake_up is judged with the defaults; wake_up: false turns it off', () => {
  const { scenario } = loadScenario(file('good/crash-loop.yml'));
  assert.deepEqual(checksFor(scenario).map((c) => c.name), ['recovery', 'wake_up']);
  assert.deepEqual(wakeUpOptions(scenario), {
    backWithinMs: 30_000, crashLoop: { exits: 3, withinMs: 60_000 }, availability: 0.99, latency: null, hourMs: undefined, alerts: null,
  });
  const off: Scenario = { ...scenario, invariants: { wake_up: null } };
  assert.deepEqual(checksFor(off).map((c) => c.name), ['recovery']);
  const written = path.join(tempDir(), 'off.yml');
  writeFileSync(written, 'name: off\ncomponents:\n  - { name: web, command: [node, web.js] }\ninvariants:\n  wake_up: false\n');
  assert.deepEqual(checksFor(loadScenario(written).scenario).map((c) => c.name), ['recovery']);
});

for (const [name, message] of [
  ['bad/bad-objective.yml', '7:19 invariants.wake_up.availability: expected an objective like "99.9%" or 0.999 (above 0, below 100%), got "100%" (or false)'],
  ['bad/unknown-alerts-probe.yml', '8:31 invariants.wake_up.alerts.probe: no probe named "firing" (add it under "probes:")'],
]) {
  test(`bad wake_up settings are rejected at their line and column: ${name}`, () => {
    assert.throws(() => loadScenario(file(name)), (error: unknown) => {
      assert.ok(error instanceof ScenarioError);
      assert.equal(error.message, `${file(name)}:${message}`);
      return true;
    });
  });
}
