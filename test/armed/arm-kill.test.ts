// Armed kills on real processes under the real strace: each target dies at its next persistence call,
// a quiet target survives arming and disarming, and every process of a group is covered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { armKill, openRegularFiles } from '../../src/armed/index.js';
import { groupMembers, isSameProcess, readIdentity } from '../../src/process/index.js';
import { FIXTURES, tempDir, waitFor, waitForOutput } from '../helpers.js';

const PROGRAMS = path.join(FIXTURES, 'programs');

/** Starts a fixture as the leader of its own group, collecting its stdout. */
function start(file: string, args: string[]) {
  const command = file.endsWith('.sh') ? file : process.execPath;
  const child = spawn(command, file.endsWith('.sh') ? args : [file, ...args], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const stop = (): void => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  return { child, output: () => output, exited, stop };
}

test('an armed Node process dies at its next fsync (a threadpool thread), before the fsync', async () => {
  const file = path.join(tempDir(), 'data.txt');
  const target = start(path.join(PROGRAMS, 'armed-fsync.cjs'), [file]);
  try {
    assert.ok(await waitForOutput(target.output, 'synced 1', 5000));
    const armed = await armKill({ pids: [target.child.pid!], boundMs: 5000 });
    const ready = await armed.ready;
    assert.equal(ready.ok, true);
    const outcome = await armed.outcome;
    assert.equal(await target.exited, 'SIGKILL');
    assert.ok(outcome.fired);
    assert.equal(outcome.syscall, 'fsync');
    assert.equal(outcome.path, file);
    assert.equal(outcome.pid, target.child.pid);
    assert.ok(outcome.atMs >= outcome.armedAtMs && outcome.atMs - outcome.armedAtMs < 1000, `fired ${outcome.atMs - outcome.armedAtMs} ms after arming`);
    // The last line written was never synced: the process died at the entry of that fsync.
    const written = readFileSync(file, 'utf8').trim().split('\n').length;
    assert.ok(target.output().includes(`wrote ${written}`));
    assert.ok(!target.output().includes(`synced ${written}`));
    await armed.disarm();
    assert.equal(isSameProcess(armed.tracer), false, 'strace is gone');
  } finally {
    target.stop();
  }
});

test('an armed rename never happens: the temporary file stays, the target name does not appear', async () => {
  const dir = tempDir();
  const target = start(path.join(PROGRAMS, 'armed-rename.cjs'), [dir]);
  try {
    assert.ok(await waitForOutput(target.output, 'renamed 1', 5000));
    const armed = await armKill({ pids: [target.child.pid!], boundMs: 5000 });
    const outcome = await armed.outcome;
    assert.equal(await target.exited, 'SIGKILL');
    assert.ok(outcome.fired);
    assert.equal(outcome.syscall, 'rename');
    assert.match(outcome.path ?? '', /tmp-\d+$/);
    assert.equal(outcome.tid, target.child.pid, 'renameSync runs on the main thread');
    assert.ok(existsSync(outcome.path!), 'the temporary file is still there');
    assert.equal(existsSync(outcome.path!.replace(/tmp-(\d+)$/, 'final-$1')), false, 'the rename did not take effect');
  } finally {
    target.stop();
  }
});

test('a target that never persists reaches the bound, and keeps running untraced after', async () => {
  const target = start(path.join(PROGRAMS, 'armed-quiet.cjs'), []);
  try {
    assert.ok(await waitForOutput(target.output, 'tick 1', 5000));
    const armed = await armKill({ pids: [target.child.pid!], boundMs: 300 });
    const outcome = await armed.outcome;
    assert.equal(outcome.fired, false);
    assert.ok(!outcome.fired && outcome.reason === 'bound' && outcome.endedAtMs - outcome.armedAtMs >= 300);
    assert.equal(isSameProcess(armed.tracer), false, 'strace is gone');
    const status = readFileSync(`/proc/${target.child.pid}/status`, 'utf8');
    assert.match(status, /^TracerPid:\s+0$/m, 'no tracer left on the target');
    const ticks = (): number => (target.output().match(/tick/g) ?? []).length;
    const before = ticks();
    assert.ok(await waitFor(() => ticks() >= before + 4, 2000), 'still ticking every 50 ms');
    assert.ok(readIdentity(target.child.pid!), 'still alive');
  } finally {
    target.stop();
  }
});

test('every process of a group is covered: a child that fsyncs fires, and the group dies with it', async () => {
  const file = path.join(tempDir(), 'data.txt');
  const target = start(path.join(PROGRAMS, 'armed-group.sh'), [file]);
  try {
    assert.ok(await waitForOutput(target.output, 'synced 1', 5000));
    const leader = readIdentity(target.child.pid!)!;
    const pids = groupMembers(leader.pgid).map((m) => m.pid);
    assert.equal(pids.length, 2);
    const armed = await armKill({ pids, boundMs: 5000, leader });
    const outcome = await armed.outcome;
    assert.ok(outcome.fired);
    assert.equal(outcome.syscall, 'fsync');
    assert.notEqual(outcome.pid, leader.pid, 'the node child fired, not the shell');
    assert.ok(pids.includes(outcome.pid!));
    // The shell may see its child die and exit first, or be killed by the group kill: either way all is gone.
    await target.exited;
    assert.ok(await waitFor(() => groupMembers(leader.pgid).length === 0, 2000), 'nothing of the group is left');
  } finally {
    target.stop();
  }
});

test('arming a pid that does not exist fails with strace\'s reason, and nothing is killed', async () => {
  const armed = await armKill({ pids: [2 ** 22 + 7], boundMs: 2000 });
  const ready = await armed.ready;
  assert.equal(ready.ok, false);
  assert.match(!ready.ok ? ready.message : '', /cannot attach to pid 4194311: No such process/);
  const outcome = await armed.outcome;
  assert.ok(!outcome.fired && outcome.reason === 'failed');
});

test('plain writes without paths are refused, with what to do instead', async () => {
  await assert.rejects(armKill({ pids: [process.pid], syscalls: ['write', 'fsync'], boundMs: 100 }),
    /armKill: write without paths would fire on the first log line or socket write/);
});

test('plain writes to a file open at arming fire with its path, while log lines to a pipe do not', async () => {
  const file = path.join(tempDir(), 'data.txt');
  const target = start(path.join(PROGRAMS, 'armed-fsync.cjs'), [file]);
  try {
    assert.ok(await waitForOutput(target.output, 'synced 1', 5000));
    const paths = openRegularFiles([target.child.pid!]);
    assert.ok(paths.includes(file));
    const armed = await armKill({ pids: [target.child.pid!], syscalls: ['write', 'writev', 'fsync'], paths, boundMs: 5000 });
    const outcome = await armed.outcome;
    assert.ok(outcome.fired);
    assert.equal(outcome.syscall, 'write');
    assert.equal(outcome.path, file);
    assert.equal(await target.exited, 'SIGKILL');
  } finally {
    target.stop();
  }
});
