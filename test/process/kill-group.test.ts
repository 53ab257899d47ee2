// SIGKILL goes to the whole process group (grandchildren too), and never to a pid that changed hands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { killGroup, readIdentity, waitGroupGone, isSameProcess } from '../../src/process/index.js';
import { FIXTURES, pidsWithTag, waitFor } from '../helpers.js';

const FOREVER = path.join(FIXTURES, 'programs/forever.cjs');

test('a group kill takes the grandchildren with it', async () => {
  const tag = `tag-${randomUUID()}`;
  const child = spawn(process.execPath, [FOREVER, '--fork', '3', tag], { detached: true, stdio: 'ignore' });
  try {
    assert.ok(await waitFor(() => pidsWithTag(tag).length === 4, 5000), 'leader and 3 children running');
    const identity = readIdentity(child.pid!)!;
    assert.equal(identity.pgid, child.pid);
    assert.equal(killGroup(identity), 'killed');
    assert.ok(await waitGroupGone(identity.pgid, 2000));
    assert.deepEqual(pidsWithTag(tag), []);
  } finally {
    for (const pid of pidsWithTag(tag)) process.kill(pid, 'SIGKILL');
  }
});

test('a pid whose start time changed is refused, and the process is left alone', async () => {
  const tag = `tag-${randomUUID()}`;
  const stranger = spawn(process.execPath, [FOREVER, tag], { detached: true, stdio: 'ignore' });
  try {
    await waitFor(() => pidsWithTag(tag).length === 1, 5000);
    const real = readIdentity(stranger.pid!)!;
    const recorded = { ...real, startTicks: String(Number(real.startTicks) - 1) };
    assert.equal(isSameProcess(recorded), false);
    assert.equal(killGroup(recorded), 'refused');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(pidsWithTag(tag), [stranger.pid]);
  } finally {
    process.kill(-stranger.pid!, 'SIGKILL');
  }
});

test('a group that is already gone is reported as gone', async () => {
  const child = spawn(process.execPath, ['-e', ''], { detached: true, stdio: 'ignore' });
  const identity = readIdentity(child.pid!) ?? { pid: child.pid!, pgid: child.pid!, startTicks: '1' };
  await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(killGroup(identity), 'gone');
});
