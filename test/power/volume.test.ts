// The property the power-loss fault rests on, on this kernel: after cutPower() and remount(), what was
// fsynced is there and what was only written is gone. Real loop devices, real ext4, nothing mocked.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { mountVolume, type Volume } from '../../src/power/index.js';
import { tempDir } from '../helpers.js';
import { isMounted, leftovers, loopAttached } from './leftovers.js';

const runId = `powertest-${randomUUID().slice(0, 8)}`;
const folder = tempDir(`crashtest-${runId}-`);
const made: Volume[] = [];
const MiB = 1024 * 1024;

async function volume(name: string): Promise<Volume> {
  const v = await mountVolume({ path: path.join(folder, name), sizeBytes: 16 * MiB, runId, name });
  made.push(v);
  return v;
}

function writeDurably(file: string, text: string, flag = 'w'): void {
  const fd = openSync(file, flag);
  writeSync(fd, text);
  fsyncSync(fd);
  closeSync(fd);
}

after(async () => {
  for (const v of made) await v.release();
  rmSync(folder, { recursive: true, force: true });
  assert.deepEqual(leftovers(runId), []);
});

test('after a power cut and a remount, fsynced data is intact and un-fsynced writes are lost', async (t) => {
  const v = await volume('data');
  const file = (name: string): string => path.join(v.mountpoint, name);
  writeDurably(file('synced'), 'acknowledged after fsync\n');
  writeDurably(file('appended'), 'synced part\n');
  // Written immediately before the cut: the kernel's writeback (5 s journal commit) has not saved them.
  writeFileSync(file('unsynced'), 'written and closed, never fsynced\n');
  writeFileSync(file('appended'), 'unsynced tail\n', { flag: 'a' });

  const cut = await v.cutPower();
  assert.throws(() => writeFileSync(file('after-cut'), 'x'), { code: 'EIO' }, 'a shut-down file system fails every write');
  const remount = await v.remount();

  assert.equal(readFileSync(file('synced'), 'utf8'), 'acknowledged after fsync\n');
  assert.equal(readFileSync(file('appended'), 'utf8'), 'synced part\n');
  assert.ok(!existsSync(file('unsynced')) || statSync(file('unsynced')).size === 0, 'the un-fsynced file is missing or empty');
  writeDurably(file('after-remount'), 'the volume works again\n');
  t.diagnostic(`shutdown ${cut.shutdownMs} ms; unmount ${remount.unmountMs} ms + mount ${remount.mountMs} ms = ${remount.totalMs} ms`);
});

test('release() unmounts, detaches the loop device and removes the image, and can be called again', async () => {
  const v = await volume('released');
  assert.ok(isMounted(v.mountpoint) && loopAttached(v.loopDevice) && existsSync(v.image));
  await v.release();
  await v.release();
  assert.equal(isMounted(v.mountpoint), false);
  assert.equal(existsSync(v.image), false);
  assert.deepEqual(leftovers(v.image), []);
  await assert.rejects(v.cutPower(), { message: `power loss: volume released (${v.mountpoint}) was released; cutPower() needs a mounted volume` });
});

test('remount() refuses a mount point still in use and names the process holding it', async () => {
  const v = await volume('busy');
  const holder = spawn('sleep', ['60'], { cwd: v.mountpoint, stdio: 'ignore' });
  const exited = new Promise((resolve) => holder.once('exit', resolve));
  try {
    await v.cutPower();
    await assert.rejects(v.remount({ busyTimeoutMs: 100 }), {
      message: `power loss: cannot unmount ${v.mountpoint}: still busy after 100 ms, held by pid ${holder.pid} (sleep)`,
      detail: 'SIGKILL every process using the volume, and wait until it is gone, before remount()',
    });
  } finally {
    holder.kill('SIGKILL');
    await exited;
  }
  await v.remount();
  assert.ok(isMounted(v.mountpoint));
});

test('mountVolume() rejects a too small volume and an occupied mount point, leaving nothing behind', async () => {
  await assert.rejects(mountVolume({ path: path.join(folder, 'tiny'), sizeBytes: MiB, runId, name: 'tiny' }), {
    message: 'power loss: volume tiny: sizeBytes must be a whole number of bytes ≥ 4194304 (4 MiB); got 1048576',
  });
  const v = await volume('first');
  await assert.rejects(mountVolume({ path: v.mountpoint, sizeBytes: 16 * MiB, runId, name: 'second' }), {
    message: `power loss: cannot mount volume second on ${v.mountpoint}: ${v.loopDevice} is already mounted there`,
  });
  assert.equal(existsSync(path.join(path.dirname(v.image), 'second.img')), false);
});
