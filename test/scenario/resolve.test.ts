// Every ${...} of a scenario is filled at once, before anything starts; each reference that cannot be
// filled is one located line (file:line:col key: message), exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { dryValues, loadScenario, resolveScenario, type LoadedScenario, type RunValues } from '../../src/scenario/index.js';
import { ScenarioError } from '../../src/errors.js';
import { FIXTURES } from '../helpers.js';

const fixture = (name: string): string => path.relative(process.cwd(), path.join(FIXTURES, 'scenarios', name));

/** Run values as buildContext makes them, with fixed ports instead of free ones. */
function values(loaded: LoadedScenario, env: NodeJS.ProcessEnv): RunValues {
  const ports = new Map([['api.0', 4100], ['api.1', 4101], ['db.0', 4200]]);
  return {
    ports,
    context: {
      run: { dir: '/runs/r1', id: 'r1' }, scenario: { dir: loaded.dir }, env,
      components: { api: { host: '127.0.0.1', port: 4100 }, db: { host: '127.0.0.1', port: 4200, url: 'redis://127.0.0.1:4200' } },
    },
  };
}

function rejects(run: () => unknown, message: string, detail?: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ScenarioError);
    assert.equal(error.message, message);
    assert.equal(error.detail, detail);
    assert.equal(error.exitCode, 2);
    return true;
  });
}

test('setup, every instance with its own self, workload and probes are filled in one call', () => {
  const loaded = loadScenario(fixture('unresolved/resolves.yml'));
  const resolved = resolveScenario(loaded, values(loaded, { CT_BUG: 'ack-early' }));
  assert.deepEqual(resolved.setup, [['mkdir', '-p', '/runs/r1/data']]);
  assert.deepEqual(resolved.instances.map((i) => [i.instance, i.port, i.cwd]), [['api.0', 4100, loaded.dir], ['api.1', 4101, loaded.dir], ['db.0', 4200, '/runs/r1']]);
  assert.deepEqual(resolved.instances[1].spec.command, ['node', 'api.js', '--port', '4101', '--bug=ack-early', 'api.1/1/api']);
  assert.deepEqual(resolved.instances[0].spec.env, { CALLS: 'redis://127.0.0.1:4200' });
  assert.equal(resolved.instances[1].spec.ready?.tcp, '4101');
  assert.equal(resolved.workload?.http?.url, 'http://127.0.0.1:4100/put?seq=${seq}');
  assert.equal(resolved.workload?.key, 'r1-${seq}');
  assert.equal(resolved.probes.files.command, `ls ${loaded.dir}`);
  assert.equal(resolved.context.run.id, 'r1');
});

test('an unset ${env.X} without a default falls back to its default when it has one', () => {
  const loaded = loadScenario(fixture('unresolved/resolves.yml'));
  const resolved = resolveScenario(loaded, values(loaded, {}));
  assert.equal(resolved.instances[0].spec.command?.[4], '--bug=none');
});

test('an unset ${env.X} in a setup command is located at its string and suggests --env', () => {
  const loaded = loadScenario(fixture('unresolved/setup-env.yml'));
  rejects(() => resolveScenario(loaded, values(loaded, {})),
    `${fixture('unresolved/setup-env.yml')}:6:12 setup.1.1: \${env.CT_UNSET_SETUP}: environment variable CT_UNSET_SETUP is not set (pass --env CT_UNSET_SETUP=... or write \${env.CT_UNSET_SETUP:-default})`);
});

test('the same unset variable in every replica is one problem; a probe is located at its own string', () => {
  const loaded = loadScenario(fixture('unresolved/probe-env.yml'));
  rejects(() => resolveScenario(loaded, dryValues(loaded.scenario, loaded.dir, {})),
    `${fixture('unresolved/probe-env.yml')}:9:27 probes.done.command.1: \${env.CT_UNSET_PROBE}: environment variable CT_UNSET_PROBE is not set (pass --env CT_UNSET_PROBE=... or write \${env.CT_UNSET_PROBE:-default})`);
});

test('loading accepts any ${env.X}: the environment is only known when the run (or validate) resolves', () => {
  const loaded = loadScenario(fixture('unresolved/probe-env.yml'));
  assert.equal(loaded.scenario.probes.done.command?.[1], '${env.CT_UNSET_PROBE}');
  const resolved = resolveScenario(loaded, dryValues(loaded.scenario, loaded.dir, { CT_UNSET_PROBE: '7' }));
  assert.deepEqual(resolved.probes.done.command, ['echo', '7']);
});

test('references out of place are all listed, each at its string, in file order', () => {
  const file = fixture('bad/misplaced-reference.yml');
  rejects(() => loadScenario(file), `${file}: 4 problems in the scenario`, [
    `${file}:3:12 setup.0.1: \${self.port}: "self" only exists inside a component`,
    `${file}:6:37 components.0.command.3: \${self.port}: this component has no port (add "port: auto")`,
    `${file}:7:19 components.0.ready.tcp: \${self.port}: this component has no port (add "port: auto")`,
    `${file}:9:19 probes.one.command: \${seq}: only exists in the workload (one value per operation)`,
  ].join('\n'));
});
