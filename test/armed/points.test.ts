// Kill points: a call's entry as strace prints it, folded into the same point in every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCallEntry, pointOf, pointKey, atPoint } from '../../src/armed/index.js';

const runDir = '/work/reports/20261201-195037-1e54';

test('a positioned write, unfinished (held at its entry), folds the job id and temporary suffix', () => {
  const call = parseCallEntry(`6580 1796157692.982710 pwrite64(21<${runDir}/data/out/175fee85-1a2b-4c3d-8e9f-0123456789ab.raw.tmp-6580-1796157692981>, ""..., 65536, 131072`)!;
  assert.equal(call.tid, 6580);
  assert.equal(call.syscall, 'pwrite64');
  assert.equal(pointKey(pointOf(call, runDir)), 'pwrite64 data/out/*.raw.tmp-*');
});

test('a rename names both files; renameat joins each name to its directory', () => {
  const rename = parseCallEntry(`17 1.5 rename("${runDir}/data/out/ab12cd34.raw.tmp-17-99", "${runDir}/data/out/ab12cd34.raw") = 0`)!;
  assert.equal(pointKey(pointOf(rename, runDir)), 'rename data/out/*.raw.tmp-* -> data/out/*.raw');
  const renameat = parseCallEntry(`17 1.5 renameat2(AT_FDCWD<${runDir}>, "data/x-12.tmp", 5<${runDir}/data>, "x-12", RENAME_NOREPLACE`)!;
  assert.deepEqual(pointOf(renameat, runDir), { syscall: 'renameat2', path: 'data/x-*.tmp -> data/x-*' });
});

test('names without ids stay as they are; another syscall or shape is another point', () => {
  const wal = parseCallEntry(`9 2.0 pwrite64(12<${runDir}/data/jobs.db-wal>, ""..., 4096, 8192) = 4096`)!;
  assert.equal(pointKey(pointOf(wal, runDir)), 'pwrite64 data/jobs.db-wal');
  assert.equal(atPoint(wal, { syscall: 'pwrite64', path: 'data/jobs.db-wal' }, runDir), true);
  assert.equal(atPoint(wal, { syscall: 'fsync', path: 'data/jobs.db-wal' }, runDir), false);
  assert.equal(parseCallEntry('9 2.0 <... pwrite64 resumed>) = 4096'), undefined);
});
