// The package as users get it: `npm pack`, installed into an empty project of their own, runs a scenario
// against a small service of that project; the tarball holds what runs (dist, bin, scenarios), not the tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT, tempDir } from '../helpers.js';

const SCENARIO = `# A user's own system: one service that fsyncs before it acknowledges.
name: my system
seed: 3
duration: 3s
components:
  - name: store
    command: [node, service.cjs, --data, "\${run.dir}/data", --correct]
    port: auto
    ready: { log: "^listening", timeout: 10s }
chaos:
  interval: 500ms
  quiet: 1500ms
workload:
  http: { url: "http://127.0.0.1:\${components.store.port}/put" }
  rate: 20
  ttl: 3s
probes:
  keys: { http: { url: "http://127.0.0.1:\${components.store.port}/keys" }, every: 1s }
invariants:
  no_loss: { probe: keys }
`;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });
}

test('npm pack gives a package that installs into an empty project and runs a scenario there', () => {
  const dir = tempDir('crashtest-pack-');
  try {
    // The build is current (npm test builds first): pack without running prepare's provisioning again.
    const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT)) as { filename: string; files: { path: string }[] }[];
    const files = packed[0].files.map((f) => f.path);
    for (const needed of ['bin/crashtest.js', 'dist/src/cli/main.js', 'dist/src/process/keeper.js', 'dist/src/converter/main.js', 'scenarios/converter.yml', 'schema/scenario.schema.json', 'package.json', 'README.md']) {
      assert.ok(files.includes(needed), `the tarball holds ${needed}`);
    }
    assert.deepEqual(files.filter((f) => /^(test|bench|\.ci|src|dist\/test|dist\/bench)\//.test(f)), [], 'no tests, benches, CI or TypeScript sources');

    const project = path.join(dir, 'my-system');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'my-system', private: true }));
    // --ignore-scripts: better-sqlite3 would compile its addon again (minutes); the one built here is the same.
    npm(['install', '--prefer-offline', '--ignore-scripts', '--save-dev', path.join(dir, packed[0].filename)], project);
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    mkdirSync(path.dirname(path.join(project, addon)), { recursive: true });
    copyFileSync(path.join(ROOT, addon), path.join(project, addon));

    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    assert.equal(npm(['exec', '--', 'crashtest', '--version'], project).trim(), version);
    const installed = path.join(project, 'node_modules/.bin/crashtest');
    const bundled = execFileSync(installed, ['validate', 'node_modules/crashtest/scenarios/converter.yml'], { cwd: project, encoding: 'utf8' });
    assert.match(bundled, /converter/);

    copyFileSync(path.join(FIXTURES, 'programs/store-service.cjs'), path.join(project, 'service.cjs'));
    writeFileSync(path.join(project, 'crashtest.yml'), SCENARIO);
    const run = execFileSync(installed, ['run', 'crashtest.yml'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.match(run, /PASS {2}no_loss/);
    assert.match(run, /PASSED: run \S+ \(exit 0\)/);
    assert.match(run, /report: reports\/\S+\/report\.html/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
