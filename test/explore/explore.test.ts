// crashtest explore on a real system whose only failing crash point is known: it must find its five
// points, kill at each, and report exactly that one as failing, with a replay that fails again; the
// correct system reports none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, runCli, tempDir } from '../helpers.js';
import { checkArmedKillSupport } from '../../src/armed/index.js';

const scenario = path.join(FIXTURES, 'scenarios/crash-point.yml');
const support = checkArmedKillSupport();
const POINTS = ['pwrite64 data/marks/item-*.tmp', 'fsync data/marks/item-*.tmp', 'rename data/marks/item-*.tmp -> data/marks/item-*', 'pwrite64 data/out/item-*', 'fsync data/out/item-*'];

async function exploreRun(env: string[]): Promise<{ code: number | null; stdout: string; json: { coverage: unknown; points: { key: string; status: string; failure?: { faultsFile: string; failed: Record<string, string> } }[] } }> {
  const dir = tempDir();
  const result = await runCli(['explore', scenario, ...env, '--occurrences', '1', '--out', dir, '--db', path.join(dir, 'results.db')]);
  const file = /report: \S+\n {8}(\S+explore\.json)/.exec(result.stdout)?.[1];
  assert.ok(file, result.stdout + result.stderr);
  return { ...result, json: JSON.parse(readFileSync(file, 'utf8')) };
}

test('explore finds exactly the one failing point of the planted bug, and its replay fails the same way', { skip: !support.ok && support.reason, timeout: 120_000 }, async () => {
  const { code, stdout, json } = await exploreRun(['--env', 'CRASH_POINT_BUG=1']);
  assert.equal(code, 1, stdout);
  assert.deepEqual(json.points.map((p) => p.key).sort(), [...POINTS].sort());
  assert.deepEqual(json.coverage, { points: 5, killed: 5, failed: 1 });
  assert.deepEqual(json.points.filter((p) => p.status === 'failed').map((p) => p.key), ['pwrite64 data/out/item-*']);
  assert.match(stdout, /coverage: 5 points, 5 killed at, 1 failing/);
  assert.match(stdout, /FAIL {2}store at pwrite64 data\/out\/item-\* \(occurrence 1, run \S+\)\n {6}consistency: .*is marked done but its output is ""/);
  const failure = json.points.find((p) => p.failure)!.failure!;
  const dir = tempDir();
  const replayed = await runCli(['run', scenario, '--faults', failure.faultsFile, '--env', 'CRASH_POINT_BUG=1', '--out', dir, '--db', path.join(dir, 'r.db')]);
  assert.equal(replayed.code, 1, replayed.stdout);
  assert.match(replayed.stdout, /kill {4}store\.0 \(pid \d+\) SIGKILL · fault 1 · at pwrite64\(\S+\/data\/out\/item-\d+\)/);
  assert.match(replayed.stdout, /FAIL {2}consistency/);
});

test('explore reports no failing point for the correct system (exit 0)', { skip: !support.ok && support.reason, timeout: 120_000 }, async () => {
  const { code, stdout, json } = await exploreRun([]);
  assert.equal(code, 0, stdout);
  assert.deepEqual(json.coverage, { points: 5, killed: 5, failed: 0 });
  assert.match(stdout, /coverage: 5 points, 5 killed at, 0 failing/);
});
