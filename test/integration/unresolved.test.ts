// A reference that cannot be filled stops the run before anything starts: exit 2, one located line,
// no stack trace, no setup command run, no component spawned, and the run stored as an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, pidsWithTag, runCli, tempDir } from '../helpers.js';

const fixture = (name: string): string => path.relative(process.cwd(), path.join(FIXTURES, 'scenarios', name));

function setup() {
  const dir = tempDir();
  return { db: path.join(dir, 'results.db'), out: path.join(dir, 'reports'), tag: `ct-${randomUUID()}` };
}

/** The only run in the database, and what its folder holds. */
function onlyRun(db: string, out: string): { status: string; exitCode: number; files: string[] } {
  const database = new Database(db, { readonly: true });
  const runs = database.prepare('SELECT id, status, exit_code AS exitCode FROM runs').all() as { id: string; status: string; exitCode: number }[];
  database.close();
  assert.equal(runs.length, 1);
  const files = readdirSync(path.join(out, runs[0].id), { recursive: true }).map(String);
  return { status: runs[0].status, exitCode: runs[0].exitCode, files };
}

test('an unset ${env.X} in a setup command: exit 2 at its line, before any setup command or component runs', async () => {
  const { db, out, tag } = setup();
  const result = await runCli(['run', fixture('unresolved/setup-env.yml'), '--db', db, '--out', out], { env: { CT_TAG: tag } });
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `error: ${fixture('unresolved/setup-env.yml')}:6:12 setup.1.1: \${env.CT_UNSET_SETUP}: environment variable CT_UNSET_SETUP is not set (pass --env CT_UNSET_SETUP=... or write \${env.CT_UNSET_SETUP:-default})\n`);
  assert.equal(result.stdout, '');
  assert.deepEqual(onlyRun(db, out), { status: 'error', exitCode: 2, files: ['logs'] });
  assert.deepEqual(pidsWithTag(tag), []);
});

test('an unset ${env.X} in a probe: exit 2 before any component starts, not when the load begins', async () => {
  const { db, out, tag } = setup();
  const result = await runCli(['run', fixture('unresolved/probe-env.yml'), '--db', db, '--out', out], { env: { CT_TAG: tag } });
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `error: ${fixture('unresolved/probe-env.yml')}:9:27 probes.done.command.1: \${env.CT_UNSET_PROBE}: environment variable CT_UNSET_PROBE is not set (pass --env CT_UNSET_PROBE=... or write \${env.CT_UNSET_PROBE:-default})\n`);
  assert.equal(result.stdout, '');
  assert.deepEqual(onlyRun(db, out), { status: 'error', exitCode: 2, files: ['logs'] });
  assert.deepEqual(pidsWithTag(tag), []);
});

test('--env gives the variable: the same scenario runs and passes', async () => {
  const { db, out, tag } = setup();
  const result = await runCli(['run', fixture('unresolved/probe-env.yml'), '--db', db, '--out', out, '--duration', '300ms', '--env', 'CT_UNSET_PROBE=5'], { env: { CT_TAG: tag } });
  assert.equal(result.code, 0, result.stderr);
  const run = onlyRun(db, out);
  assert.equal(run.status, 'passed');
  assert.ok(run.files.includes(path.join('logs', 'web.1.log')), run.files.join(', '));
  assert.deepEqual(pidsWithTag(tag), []);
});

test('validate resolves with its own environment: an unset variable is exit 2, a set one is ok', async () => {
  const file = fixture('unresolved/probe-env.yml');
  const unset = await runCli(['validate', file]);
  assert.equal(unset.code, 2);
  assert.match(unset.stderr, /^error: test\/fixtures\/scenarios\/unresolved\/probe-env\.yml:9:27 probes\.done\.command\.1: \$\{env\.CT_UNSET_PROBE\}: environment variable CT_UNSET_PROBE is not set/);
  const set = await runCli(['validate', file], { env: { CT_UNSET_PROBE: '1' } });
  assert.equal(set.code, 0, set.stderr);
  assert.equal(set.stdout, `${file}: ok — "unset env in a probe", 1 component (2 instances), 1.0 s, no chaos\n`);
  const given = await runCli(['validate', file, '--env', 'CT_UNSET_PROBE=1']);
  assert.equal(given.code, 0, given.stderr);
  assert.equal(given.stdout, set.stdout, '--env gives the variable as run --env would');
  const malformed = await runCli(['validate', file, '--env', 'CT_UNSET_PROBE']);
  assert.equal(malformed.code, 2);
  assert.equal(malformed.stderr, 'error: --env: expected NAME=VALUE, got "CT_UNSET_PROBE"\n');
});

test('validate names an unknown component with the closest name', async () => {
  const file = fixture('bad/component-typo.yml');
  const result = await runCli(['validate', file]);
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `error: ${file}:7:29 components.1.command.2: \${components.aip.port}: no component named "aip" (did you mean "api"?)\n`);
});
