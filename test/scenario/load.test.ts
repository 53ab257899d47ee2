// A bad scenario names file, line, column and key, says what was expected, and exits 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadScenario } from '../../src/scenario/index.js';
import { ScenarioError } from '../../src/errors.js';
import { FIXTURES, runCli } from '../helpers.js';

const bad = (name: string): string => path.relative(process.cwd(), path.join(FIXTURES, 'scenarios/bad', name));

const EXPECTED: Record<string, string> = {
  'unknown-key.yml': '6:3 chaos.intrval: unknown key (did you mean "interval"?)',
  'wrong-type.yml': '5:15 components.0.replicas: expected a number, got string "two"',
  'bad-duration.yml': '2:11 duration: expected a duration like "500ms", "10s" or "2m", got "10 seconds"',
  'missing-command.yml': '3:5 components.0.command: required key is missing (expected a command string or a list of strings, or a preset)',
  'unknown-target.yml': '6:18 chaos.targets.1: "wrker" matches no component (components: web)',
  'bad-reference.yml': '4:29 components.0.command.2: ${components.api.port}: no component named "api" (components: web)',
  'component-typo.yml': '7:29 components.1.command.2: ${components.aip.port}: no component named "aip" (did you mean "api"?)',
  'unknown-root.yml': '4:29 components.0.command.2: ${rnu.dir}: unknown reference (did you mean ${run.dir}?)',
  'bad-tcp.yml': '5:19 components.0.ready.tcp: expected a port number, got "port-web"',
  'yaml-syntax.yml': '5:1 Flow sequence in block collection must be sufficiently indented and end with a ]',
  'bad-enum.yml': '5:24 components.0.restart.policy: expected one of "always", "on-kill", "never", got string "allways" (did you mean "always"?)',
  'duplicate-name.yml': '5:11 components.1.name: duplicate component name "web"',
  'unknown-probe.yml': '8:22 invariants.progress.probe: no probe named "dne" (probes: done)',
  'bad-condition.yml': '8:42 invariants.converge.condition: expected a condition like "== 0" or "<= 5", got "is zero"',
};

for (const [file, message] of Object.entries(EXPECTED)) {
  test(`bad scenario ${file} is rejected at its line and column`, () => {
    assert.throws(() => loadScenario(bad(file)), (error: unknown) => {
      assert.ok(error instanceof ScenarioError);
      assert.equal(error.message, `${bad(file)}:${message}`);
      assert.equal(error.exitCode, 2);
      return true;
    });
  });
}

test('the CLI exits 2 with the located message and no stack trace', async () => {
  const { code, stderr, stdout } = await runCli(['run', bad('unknown-key.yml')]);
  assert.equal(code, 2);
  assert.equal(stderr, `error: ${bad('unknown-key.yml')}:6:3 chaos.intrval: unknown key (did you mean "interval"?)\n`);
  assert.equal(stdout, '');
});

test('validate lists every problem of a file with several', async () => {
  const { code, stderr } = await runCli(['validate', path.join(FIXTURES, 'scenarios/bad/unknown-key.yml'), '--no-such-flag']);
  assert.equal(code, 2);
  assert.match(stderr, /unknown option '--no-such-flag'/);
});

test('a good scenario gets its defaults', () => {
  const { scenario } = loadScenario(path.join(FIXTURES, 'scenarios/good/tagged.yml'));
  assert.equal(scenario.duration, 2000);
  assert.equal(scenario.chaos?.interval, 250);
  assert.equal(scenario.chaos?.quiet, 500);
  assert.deepEqual(scenario.components[1].restart, { policy: 'always', delay: 0, backoff_max: 5000, min_uptime: 1000 });
  assert.equal(scenario.components[0].killable, true);
});

test('a missing file is a clear error', () => {
  assert.throws(() => loadScenario('no/such.yml'), { message: 'no/such.yml: cannot read the scenario file (no such file)' });
});
