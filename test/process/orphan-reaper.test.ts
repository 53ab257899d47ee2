// When crashtest is killed with kill -9, its keeper kills the adopted groups, then unmounts the adopted
// volumes, detaches their loop devices and deletes their images: nothing of the run is left mounted.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readIdentity } from '../../src/process/index.js';
import { isMounted, leftovers, loopAttached } from '../power/leftovers.js';
import { ROOT, tempDir, waitFor } from '../helpers.js';

const HOLD_VOLUME = path.join(ROOT, 'dist/test/process/hold-volume.js');
const runId = `reapertest-${randomUUID().slice(0, 8)}`;
const folder = tempDir(`crashtest-${runId}-`);

after(() => {
  assert.deepEqual(leftovers(runId), []);
  rmSync(folder, { recursive: true, force: true });
});

/** Starts hold-volume.js (our stand-in for crashtest) and returns what it made once it is ready. */
async function startHolder(mnt: string): Promise<{ crashtest: ChildProcess; made: Made }> {
  const crashtest = spawn(process.execPath, [HOLD_VOLUME, mnt, runId], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    crashtest.stdout!.on('data', (data) => (out += data) && out.includes('\n') && resolve(out.split('\n')[0]));
    crashtest.once('exit', (code) => reject(new Error(`hold-volume exited with ${code} before it was ready`)));
  });
  return { crashtest, made: JSON.parse(line) as Made };
}

interface Made {
  mountpoint: string;
  loopDevice: string;
  image: string;
  holderPid: number;
}

test('kill -9 of crashtest: the keeper kills the group using the volume, then unmounts it, detaches the loop device and removes the image', async (t) => {
  const { crashtest, made } = await startHolder(path.join(folder, 'mnt'));
  assert.ok(isMounted(made.mountpoint) && loopAttached(made.loopDevice) && existsSync(made.image), 'mounted and attached');

  const killedAt = performance.now();
  crashtest.kill('SIGKILL');
  const gone = () => !readIdentity(made.holderPid) && !isMounted(made.mountpoint) && !loopAttached(made.loopDevice) && !existsSync(made.image)
    && !existsSync(path.dirname(made.image));
  assert.ok(await waitFor(gone, 2000), `left after 2 s: ${JSON.stringify({
    holder: Boolean(readIdentity(made.holderPid)), mounted: isMounted(made.mountpoint), loop: loopAttached(made.loopDevice), image: existsSync(made.image), imageFolder: existsSync(path.dirname(made.image)) })}`);
  t.diagnostic(`everything gone ${Math.round(performance.now() - killedAt)} ms after the kill -9`);
});

test('a process the keeper does not own still holds the volume: it is detached lazily and the loop device goes with that process', async () => {
  const { crashtest, made } = await startHolder(path.join(folder, 'mnt-stranger'));
  const stranger = spawn('sleep', ['60'], { cwd: made.mountpoint, stdio: 'ignore' });
  const strangerExited = new Promise((resolve) => stranger.once('exit', resolve));
  try {
    crashtest.kill('SIGKILL');
    assert.ok(await waitFor(() => !isMounted(made.mountpoint) && !existsSync(made.image), 2000), 'unmounted (lazily) and the image deleted');
    assert.ok(readIdentity(stranger.pid!), 'a process we did not start is never killed');
  } finally {
    stranger.kill('SIGKILL');
    await strangerExited;
  }
  assert.ok(await waitFor(() => !loopAttached(made.loopDevice), 2000), 'the loop device detaches itself when its last user is gone');
});
