// When crashtest is killed with kill -9, its keeper kills the adopted groups, then unmounts the adopted
// volumes, detaches their loop devices and deletes their images: nothing of the run is left mounted.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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

test('kill -9 of crashtest: the keeper kills the group using the volume, then unmounts it, detaches the loop device and removes the image', async (t) => {
  const crashtest = spawn(process.execPath, [HOLD_VOLUME, path.join(folder, 'mnt'), runId], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    crashtest.stdout.on('data', (data) => (out += data) && out.includes('\n') && resolve(out.split('\n')[0]));
    crashtest.once('exit', (code) => reject(new Error(`hold-volume exited with ${code} before it was ready`)));
  });
  const made = JSON.parse(line) as { mountpoint: string; loopDevice: string; image: string; holderPid: number };
  assert.ok(isMounted(made.mountpoint) && loopAttached(made.loopDevice) && existsSync(made.image), 'mounted and attached');

  const killedAt = performance.now();
  crashtest.kill('SIGKILL');
  const gone = () => !readIdentity(made.holderPid) && !isMounted(made.mountpoint) && !loopAttached(made.loopDevice) && !existsSync(made.image)
    && !existsSync(path.dirname(made.image));
  assert.ok(await waitFor(gone, 2000), `left after 2 s: ${JSON.stringify({
    holder: Boolean(readIdentity(made.holderPid)), mounted: isMounted(made.mountpoint), loop: loopAttached(made.loopDevice), image: existsSync(made.image), imageFolder: existsSync(path.dirname(made.image)) })}`);
  t.diagnostic(`everything gone ${Math.round(performance.now() - killedAt)} ms after the kill -9`);
});
