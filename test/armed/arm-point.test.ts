// Point kills and the trace-only recorder on a real process under the real strace: the recorder sees
// each rename as one point; armed for its 2nd occurrence, the process dies before that rename runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { armPoint, checkArmedKillSupport, pointKey, pointOf, traceCalls } from '../../src/armed/index.js';
import { killGroup, readIdentity } from '../../src/process/index.js';
import { FIXTURES, tempDir, waitForOutput } from '../helpers.js';

const support = checkArmedKillSupport();
const skip = !support.ok && support.reason;

function startRenamer(dir: string) {
  const child = spawn(process.execPath, [path.join(FIXTURES, 'programs/armed-rename.cjs'), dir], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, output: () => output, exited, stop: () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } } };
}

test('the recorder folds every rename of the program into one point, relative to its folder', { skip }, async () => {
  const dir = tempDir();
  const target = startRenamer(dir);
  try {
    assert.ok(await waitForOutput(target.output, 'started', 5000));
    const keys = new Map<string, number>();
    const trace = traceCalls({ pids: [target.child.pid!], syscalls: ['rename'], onCall: (call) => {
      const key = pointKey(pointOf(call, dir));
      keys.set(key, (keys.get(key) ?? 0) + 1);
    } });
    await new Promise((resolve) => setTimeout(resolve, 900));
    await trace.stop();
    assert.deepEqual([...keys.keys()], ['rename tmp-* -> final-*']);
    assert.ok(keys.get('rename tmp-* -> final-*')! >= 2, `seen ${keys.get('rename tmp-* -> final-*')} times`);
  } finally {
    target.stop();
  }
});

test('armed for the 2nd occurrence of the point, the process dies holding that rename: its tmp file stays, its final file never appears', { skip }, async () => {
  const dir = tempDir();
  const target = startRenamer(dir);
  try {
    assert.ok(await waitForOutput(target.output, 'started', 5000));
    const leader = readIdentity(target.child.pid!)!;
    const armed = armPoint({ pids: [target.child.pid!], point: { syscall: 'rename', path: 'tmp-* -> final-*' }, occurrence: 2, runDir: dir, boundMs: 10_000,
      kill: () => killGroup(leader, 'SIGKILL') === 'killed' });
    const outcome = await armed.outcome;
    assert.equal(await target.exited, 'SIGKILL');
    assert.equal(outcome.fired, true, JSON.stringify(outcome));
    if (!outcome.fired) return;
    assert.equal(outcome.late, false, 'the kill landed while strace held the call');
    const n = /tmp-(\d+) -> /.exec(outcome.path)?.[1];
    assert.ok(n, outcome.path);
    assert.equal(existsSync(path.join(dir, `tmp-${n}`)), true, 'the renamed-from file is still there');
    assert.equal(existsSync(path.join(dir, `final-${n}`)), false, `the rename never ran: ${readdirSync(dir).join(', ')}`);
    assert.equal(existsSync(path.join(dir, `final-${Number(n) - 1}`)), true, 'the occurrence before it ran');
  } finally {
    target.stop();
  }
});
