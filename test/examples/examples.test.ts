// The worked examples under scenarios/examples/ (Python + SQLite, POSIX shell, Python + PostgreSQL) pass
// their own scenarios through the CLI, test-sized by --duration and --interval; their checkers catch a
// torn result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readProbe } from '../../src/probes/index.js';
import { scenarioSchema } from '../../src/scenario/index.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

const EXAMPLES = path.join(ROOT, 'scenarios/examples');
const isRoot = process.getuid?.() === 0;

/** Runs an example's scenario and asserts exit 0 with every verdict PASS and at least one fault recovered. */
async function passes(example: string, sizing: string[]): Promise<void> {
  const dir = tempDir();
  const scenario = path.join(EXAMPLES, example, 'scenario.yml');
  const run = await runCli(['run', scenario, ...sizing, '--seed', '5', '--out', path.join(dir, 'reports'), '--db', path.join(dir, 'c.db')]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const verdicts = run.stdout.split('\n').filter((line) => /^ {2}(PASS|FAIL|ERROR) /.test(line));
  assert.ok(verdicts.length >= 4, run.stdout);
  assert.deepEqual(verdicts.filter((line) => !line.startsWith('  PASS ')), [], 'every verdict PASS');
  assert.match(run.stdout, /^ {2}PASS {2}recovery {5}[1-9]\d* faults? recovered/m, 'chaos hurt the system at least once');
}

test('python-sqlite: a Python HTTP key store on SQLite (WAL, ack after commit) passes its scenario', async () => {
  await passes('python-sqlite', ['--duration', '8s', '--interval', '1500ms']);
});

test('shell-spool: POSIX shell workers, a command workload and command probes pass their scenario', async () => {
  await passes('shell-spool', ['--duration', '8s', '--interval', '1500ms']);
});

test('python-postgres: a Python service on preset postgres passes its scenario', { skip: isRoot ? false : 'preset postgres runs the server as the postgres account: needs root' }, async () => {
  await passes('python-postgres', ['--duration', '10s', '--interval', '2s']);
});

test('the examples\' checkers print a torn result and exit 1, read as a violation by violations_exit', async () => {
  const spool = tempDir();
  mkdirSync(path.join(spool, 'done'));
  writeFileSync(path.join(spool, 'done', 'k1'), 'k1\nprocessed by worker.0\n');
  writeFileSync(path.join(spool, 'done', 'k2'), 'k2\n');
  const scenario = scenarioSchema.parse({ name: 'x', components: [{ name: 'a', command: 'true' }],
    probes: { torn: { command: ['sh', 'check.sh', spool], violations_exit: [1] } } });
  assert.deepEqual(await readProbe(scenario.probes.torn, path.join(EXAMPLES, 'shell-spool')), { items: ['done/k2 is torn: 3 bytes'] });
  await assert.rejects(readProbe(scenario.probes.torn, ROOT), { message: /^exited with 2: .*check\.sh/ }, 'a missing checker stays a probe error');

  const db = path.join(tempDir(), 'keys.db');
  writeFileSync(db, 'not a database, a torn file');
  const check = spawnSync('python3', [path.join(EXAMPLES, 'python-sqlite/check.py'), db], { encoding: 'utf8' });
  assert.equal(check.status, 2, 'a file it cannot read is "could not check", not a violation');
  assert.match(check.stderr, /^cannot check .*keys\.db: file is not a database/);
});
