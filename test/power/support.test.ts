// checkPowerLossSupport() says what is missing in words, and runs a real trial power cut when nothing is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { checkPowerLossSupport } from '../../src/power/index.js';
import { ROOT } from '../helpers.js';

test('as root with loop devices, e2fsprogs and xfsprogs, nothing is missing', async () => {
  assert.equal(process.getuid?.(), 0, 'these tests run as root');
  assert.deepEqual(await checkPowerLossSupport(), []);
});

test('as an unprivileged user, root is reported missing with what to do', async () => {
  const module = path.join(ROOT, 'dist/src/power/index.js');
  const script = `import(${JSON.stringify(module)}).then(async (m) => console.log(JSON.stringify(await m.checkPowerLossSupport()))
    || await m.requirePowerLossSupport().catch((e) => console.log(JSON.stringify([e.name, e.exitCode, e.message, e.detail]))))`;
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { uid: 65534, gid: 65534, cwd: '/' }, (error, out) => (error ? reject(error) : resolve(out)));
  });
  const [missing, error] = stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(missing, ['root (crashtest runs as uid 65534): run crashtest as root, loop devices and mounts need it']);
  assert.deepEqual(error, ['SystemError', 3, 'power loss needs root (crashtest runs as uid 65534)',
    '- root (crashtest runs as uid 65534): run crashtest as root, loop devices and mounts need it']);
});
