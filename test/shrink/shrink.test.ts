// crashtest shrink on a real system with one known crash point: of three faults only the kill at the
// output's positioned write breaks it, so the search must end at exactly that fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, runCli, tempDir } from '../helpers.js';
import { checkArmedKillSupport } from '../../src/armed/index.js';

const scenario = path.join(FIXTURES, 'scenarios/crash-point.yml');
const support = checkArmedKillSupport();

test('shrink: three faults, one of them the crash point, end as that one fault; every candidate is a run linked to the original', { skip: !support.ok && support.reason, timeout: 120_000 }, async () => {
  const dir = tempDir();
  const db = path.join(dir, 'results.db');
  const faults = path.join(dir, 'faults.yml');
  writeFileSync(faults, `faults:
  - { at: 100ms, target: store.0, kind: pause, duration: 150ms }
  - { at: 300ms, target: store, kind: kill, point: { syscall: pwrite64, path: "data/out/item-*" } }
  - { at: 900ms, target: store.0, kind: pause, duration: 150ms }
`);
  const original = await runCli(['run', scenario, '--faults', faults, '--env', 'CRASH_POINT_BUG=1', '--out', dir, '--db', db]);
  assert.equal(original.code, 1, original.stdout + original.stderr);
  assert.match(original.stdout, /FAIL {2}consistency/);

  const shrunk = await runCli(['shrink', 'latest', '--tries', '1', '--out', dir, '--db', db]);
  assert.equal(shrunk.code, 0, shrunk.stdout + shrunk.stderr);
  assert.match(shrunk.stdout, /smallest fault list: 1 fault \(from 3\), fails consistency in 1 of 1 replays/);
  assert.match(shrunk.stdout, /\n {2}- \{ at: \d+ms, target: store, kind: kill, point: \{ syscall: pwrite64, path: data\/out\/item-\*, occurrence: 1 \} \}\n/);
  assert.match(shrunk.stdout, /replay: {6}npx crashtest run test\/fixtures\/scenarios\/crash-point.yml --faults \S+minimal.yml --env CRASH_POINT_BUG=1 --duration 3000ms/);

  const store = new Database(db, { readonly: true });
  const originalId = (store.prepare("SELECT id FROM runs ORDER BY started_at LIMIT 1").get() as { id: string }).id;
  const lineage = store.prepare("SELECT run_id, data FROM events WHERE data LIKE '%\"run.lineage\"%'").all() as { run_id: string; data: string }[];
  store.close();
  const candidateLines = shrunk.stdout.split('\n').filter((l) => /^ {2}candidate /.test(l));
  assert.equal(lineage.length, candidateLines.length, 'one stored run per replay');
  for (const row of lineage) assert.deepEqual(JSON.parse(row.data).parent, originalId);
  // The empty list is tried first and passes: the failure needs a fault.
  assert.match(candidateLines[0], /candidate 1 +0 faults +replay 1 +passed/);
});
