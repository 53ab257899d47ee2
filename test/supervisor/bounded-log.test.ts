// The bounded log on real files: lines cut at their limit, rotation keeping the newest output, and a full
// disk (a real 2 MB tmpfs) reported once instead of an unhandled 'error' event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { BoundedLog } from '../../src/supervisor/bounded-log.js';
import { splitLines } from '../../src/supervisor/line-splitter.js';
import { tempDir } from '../helpers.js';
import { mountTmpfs, tmpfsSkip } from '../tmpfs.js';

function closed(log: BoundedLog): Promise<void> {
  return new Promise((resolve) => log.end(resolve));
}

test('splitLines: whole lines across chunks; a line past the limit is emitted once, cut and marked, the rest dropped', () => {
  const stream = new PassThrough();
  const lines: string[] = [];
  splitLines(stream, (line) => lines.push(line), 10);
  stream.write('ab');
  stream.write('c\nde');
  stream.write('f\n0123456789ABCDEF');
  stream.write('more of the same long line');
  stream.write(' still\nshort\ntail');
  stream.end();
  return new Promise<void>((resolve) => stream.on('end', () => {
    assert.deepEqual(lines, ['abc', 'def', '0123456789 [cut by crashtest: line longer than 10 characters]', 'short', 'tail']);
    resolve();
  }));
});

test('BoundedLog rotates once past half its limit: the newest output is kept, the rotation noted once', async (t) => {
  const dir = tempDir('bounded-log-');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'api.0.log');
  const notes: string[] = [];
  const failures: Error[] = [];
  const log = new BoundedLog(file, { onNote: (m) => notes.push(m), onFailure: (e) => failures.push(e) }, { fileBytes: 1000, pendingBytes: 1 << 20 });
  for (let i = 0; i < 100; i++) log.write(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}\n`); // 50 bytes each
  await closed(log);
  assert.deepEqual(failures, []);
  assert.deepEqual(notes, ['logs/api.0.log rotated at 500 bytes: earlier output in api.0.log.1, older output discarded']);
  assert.ok(statSync(file).size <= 500 && statSync(`${file}.1`).size <= 500, 'each file holds at most half the limit');
  const kept = readFileSync(`${file}.1`, 'utf8') + readFileSync(file, 'utf8');
  assert.match(kept, /line 099 x+\n$/, 'the newest line is kept');
  assert.doesNotMatch(kept, /line 000 /, 'the oldest lines are gone');
  assert.equal(log.writableEnded, true);
});

test('BoundedLog on a full disk (a real 2 MB tmpfs) reports ENOSPC once and drops the rest', { skip: tmpfsSkip }, async (t) => {
  const dir = mountTmpfs(t, '2m');
  const file = path.join(dir, 'chatty.0.log');
  const failures: Error[] = [];
  const log = new BoundedLog(file, { onNote: () => undefined, onFailure: (e) => failures.push(e) });
  const line = `${'z'.repeat(1023)}\n`;
  for (let i = 0; i < 4096 && failures.length === 0; i++) {
    log.write(line);
    if (i % 64 === 0) await new Promise((resolve) => setImmediate(resolve)); // let the stream write and fail
  }
  await closed(log);
  assert.equal(failures.length, 1);
  assert.equal(failures[0].message, `cannot write the log ${file}: no space left on device (ENOSPC)`);
  assert.ok(existsSync(file));
});
