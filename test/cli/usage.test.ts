// Bad paths and numbers on every command are usage errors: exit 2 with one line naming the option, before
// anything starts; never a stack trace, never a hang (Node's recursive mkdir spins forever under /proc).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const SCENARIO = path.join(FIXTURES, 'scenarios/good/tagged.yml');

const CASES: Array<[string[], RegExp]> = [
  [['run', SCENARIO, '--out', '/proc/nope'], /^error: --out \/proc\/nope: \/proc does not allow new folders \(ENOENT\)$/],
  [['run', SCENARIO, '--out', '/etc/passwd/x'], /^error: --out \/etc\/passwd\/x: \/etc\/passwd exists and is not a folder$/],
  [['run', SCENARIO, '--out', '/sys/nope'], /^error: --out \/sys\/nope: \/sys does not allow new folders \(EPERM\)$/],
  [['run', SCENARIO, '--db', '/proc/nope/x.db'], /^error: --db \/proc\/nope\/x\.db: \/proc does not allow new folders \(ENOENT\)$/],
  [['run', SCENARIO, '--db', '/etc/passwd'], /^error: --db \/etc\/passwd: not a SQLite database \(expected a results database, e\.g\. reports\/crashtest\.db\)$/],
  [['run', SCENARIO, '--db', '/etc'], /^error: --db \/etc: not a file \(expected a results database, e\.g\. reports\/crashtest\.db\)$/],
  [['run', SCENARIO, '--seed', 'abc'], /^error: --seed: expected a whole number from 0 to 2147483647, got "abc"$/],
  [['run', SCENARIO, '--duration', 'soon'], /^error: --duration: expected a duration like "500ms", "10s" or "2m", got "soon"$/],
  [['runs', '-n', 'abc'], /^error: -n: expected a whole number of at least 1, got "abc"$/],
  [['runs', '-n', '0'], /^error: -n: expected a whole number of at least 1, got "0"$/],
  [['runs', '--db', '/etc/passwd/x.db'], /^error: --db \/etc\/passwd\/x\.db: a part of this path is a file, not a folder$/],
  [['check', '--db', '/proc/nope/x.db'], /^error: no results database at \/proc\/nope\/x\.db \(run a scenario first, or pass --db\)$/],
  [['check', '--db', 'not-a-db.txt'], /^error: --db not-a-db\.txt: not a SQLite database/],
  [['report', '--db', '/etc/passwd/x.db'], /^error: --db \/etc\/passwd\/x\.db: a part of this path is a file, not a folder$/],
  [['report', '--out', '/sys/nope'], /^error: --out \/sys\/nope: \/sys does not allow new folders \(EPERM\)$/],
  [['validate', '/proc/nope.yml'], /^error: .*nope\.yml: cannot read the scenario file \(no such file\)$/],
];

test('bad paths and numbers: exit 2, one line naming the option, nothing started', async (t) => {
  const cwd = tempDir('crashtest-usage-');
  t.after(() => rmSync(cwd, { recursive: true, force: true }));
  writeFileSync(path.join(cwd, 'not-a-db.txt'), 'hello\n');
  for (const [args, expected] of CASES) {
    const result = await runCli(args, { cwd });
    const said = `crashtest ${args.join(' ')} → exit ${result.code}, stderr: ${result.stderr}`;
    assert.equal(result.code, 2, said);
    assert.equal(result.stderr.trimEnd().split('\n').length, 1, `one line: ${said}`);
    assert.match(result.stderr.trimEnd(), expected, said);
    assert.equal(result.stdout, '', said);
  }
  // Nothing ran: no run folder, no database (at most the default, empty, reports folder).
  assert.deepEqual(readdirSync(cwd).filter((f) => f !== 'reports'), ['not-a-db.txt']);
  if (existsSync(path.join(cwd, 'reports'))) assert.deepEqual(readdirSync(path.join(cwd, 'reports')), []);
});

test('runs on a missing database says there are none, and creates nothing', async (t) => {
  const cwd = tempDir('crashtest-usage-');
  t.after(() => rmSync(cwd, { recursive: true, force: true }));
  const result = await runCli(['runs', '--db', 'none/here.db'], { cwd });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'no runs yet in none/here.db (start one with: crashtest run <scenario.yml>)\n');
  assert.deepEqual(readdirSync(cwd), []);
});
