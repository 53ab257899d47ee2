// crashtest prune on real runs: the newest stay, the others lose their rows and their own output folder,
// nothing else is removed, and --dry-run deletes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const TAGGED = path.join(FIXTURES, 'scenarios/good/tagged.yml');

function runIds(db: string): { id: string; out_dir: string }[] {
  const sql = new Database(db, { readonly: true });
  const rows = sql.prepare('SELECT id, out_dir FROM runs ORDER BY started_at').all() as { id: string; out_dir: string }[];
  sql.close();
  return rows;
}

test('prune --keep: the newest runs stay; the others lose their rows and output folders; --dry-run deletes nothing', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'results.db');
  const out = path.join(dir, 'reports');
  for (let i = 0; i < 3; i += 1) {
    const run = await runCli(['run', TAGGED, '--db', db, '--out', out, '--no-chaos', '--duration', '300ms'], { env: { CT_TAG: `ct-${randomUUID()}` } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
  }
  const [oldest, middle, newest] = runIds(db);

  const none = await runCli(['prune', '--db', db]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--keep <count> and\/or --older-than <age>/);
  const badAge = await runCli(['prune', '--db', db, '--older-than', 'a week']);
  assert.equal(badAge.code, 2);
  assert.match(badAge.stderr, /--older-than: expected an age like "7d"/);

  const dry = await runCli(['prune', '--db', db, '--keep', '2', '--dry-run']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, new RegExp(`^  ${oldest.id}  passed `, 'm'));
  assert.match(dry.stdout, /^would delete 1 run, \d+(\.\d)? [KM]?B of output$/m);
  assert.equal(runIds(db).length, 3);
  assert.ok(existsSync(oldest.out_dir));

  const young = await runCli(['prune', '--db', db, '--older-than', '7d']);
  assert.match(young.stdout, /^deleted 0 runs, 0 B of output$/m);

  const pruned = await runCli(['prune', '--db', db, '--keep', '2']);
  assert.equal(pruned.code, 0, pruned.stderr);
  assert.deepEqual(runIds(db).map((r) => r.id), [middle.id, newest.id]);
  assert.equal(existsSync(oldest.out_dir), false, 'the pruned run folder is gone');
  assert.ok(existsSync(middle.out_dir) && existsSync(newest.out_dir));
  const sql = new Database(db, { readonly: true });
  assert.equal((sql.prepare('SELECT COUNT(*) AS n FROM events WHERE run_id = ?').get(oldest.id) as { n: number }).n, 0);
  assert.ok((sql.prepare('SELECT COUNT(*) AS n FROM events WHERE run_id = ?').get(newest.id) as { n: number }).n > 0);
  sql.close();

  // A row pointing at a folder that is not the run's own (renamed, moved): the row goes, that folder stays.
  const decoy = path.join(dir, 'not-a-run-folder');
  mkdirSync(decoy);
  const rw = new Database(db);
  rw.prepare('UPDATE runs SET out_dir = ? WHERE id = ?').run(decoy, middle.id);
  rw.close();
  const second = await runCli(['prune', '--db', db, '--keep', '1']);
  assert.match(second.stdout, new RegExp(`^  ${middle.id}  passed +tagged fixtures  \\(no output folder\\)$`, 'm'));
  assert.deepEqual(runIds(db).map((r) => r.id), [newest.id]);
  assert.ok(existsSync(decoy), 'a folder that is not the run\'s own is never removed');
  const runs = await runCli(['runs', '--db', db]);
  assert.match(runs.stdout, new RegExp(newest.id));
  assert.doesNotMatch(runs.stdout, new RegExp(oldest.id));
});
