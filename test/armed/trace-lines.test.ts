// strace's output format, pinned by literal lines captured from strace 6.1 (-f -ttt -y -o FILE).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStraceMessage, parseTraceLine } from '../../src/armed/index.js';

test('an injected fsync on a threadpool thread: thread, entry time, call and path', () => {
  assert.deepEqual(parseTraceLine('1334  1796147134.479288 fsync(17</tmp/armed-exp/dbg.txt>) = ?'), {
    kind: 'call', tid: 1334, atMs: 1796147134479.288, syscall: 'fsync', path: '/tmp/armed-exp/dbg.txt',
    line: '1334  1796147134.479288 fsync(17</tmp/armed-exp/dbg.txt>) = ?',
  });
});

test('rename names its source; renameat its quoted source, not the directory fd', () => {
  assert.equal(parseTraceLine('42 1.000001 rename("/d/tmp-3", "/d/final-3") = ?')?.kind, 'call');
  assert.equal((parseTraceLine('42 1.000001 rename("/d/tmp-3", "/d/final-3") = ?') as { path: string }).path, '/d/tmp-3');
  assert.equal((parseTraceLine('42 1.000001 renameat(AT_FDCWD</w>, "a b\\"c", AT_FDCWD</w>, "d") = ?') as { path: string }).path, 'a b"c');
});

test('deaths are read; continuations of an interrupted line are not calls', () => {
  assert.deepEqual(parseTraceLine('1336  1796146434.890496 +++ killed by SIGKILL +++'), { kind: 'killed', tid: 1336, signal: 'SIGKILL' });
  assert.deepEqual(parseTraceLine('7 1.5 +++ exited with 3 +++'), { kind: 'exited', tid: 7, code: 3 });
  assert.equal(parseTraceLine('1334  1.2 <... fsync resumed>) = ?'), undefined);
});

test('strace names itself by its argv[0] on stderr', () => {
  assert.deepEqual(parseStraceMessage('/usr/bin/strace: Process 1325 attached with 11 threads'), { kind: 'attached', pid: 1325, threads: 11 });
  assert.deepEqual(parseStraceMessage('strace: Process 9 attached'), { kind: 'attached', pid: 9, threads: 1 });
  assert.deepEqual(parseStraceMessage('strace: attach: ptrace(PTRACE_SEIZE, 999999): No such process'),
    { kind: 'attach-failed', pid: 999999, reason: 'No such process' });
});
