// scripts/provision.sh, the pretest hook: silent and fast when the machine has everything, one line
// naming the command to run when it lacks something and cannot install it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers.js';

const SCRIPT = path.join(ROOT, 'scripts/provision.sh');
const CHECKED = ['qemu-img', 'redis-server', 'redis-cli', 'postgres', 'chromium', 'strace', 'mkfs.ext4', 'losetup', 'xfs_io', 'python3'];

// The system's folders first: a PATH entry under /root (pyenv's shims) cannot be run by nobody.
function which(name: string): string | undefined {
  for (const dir of ['/usr/bin', '/bin', ...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/sbin', '/sbin']) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * Runs a copy of the script as a user who is not root (nobody, through setpriv, when we are root, so
 * it never installs anything) with a PATH holding only the checked commands minus `hide`, and apt-get
 * when `aptGet` is true. The copy lives in a world-readable folder: the clone may be under /root.
 */
function runHiding(hide: string, aptGet: boolean, args: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'crashtest-provision-'));
  try {
    chmodSync(folder, 0o755);
    const bin = path.join(folder, 'bin');
    mkdirSync(bin);
    for (const name of [...CHECKED.filter((n) => n !== hide), ...(aptGet ? ['apt-get'] : [])]) {
      const found = which(name);
      if (found) symlinkSync(found, path.join(bin, name));
    }
    const script = path.join(folder, 'provision.sh');
    copyFileSync(SCRIPT, script);
    chmodSync(script, 0o644);
    const bash = which('bash') ?? '/bin/bash';
    const command = process.getuid?.() === 0
      ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'env', `PATH=${bin}`, bash, script, ...args]
      : ['env', `PATH=${bin}`, bash, script, ...args];
    const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 10_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('with everything installed it prints nothing and exits 0 in under a second', () => {
  const started = performance.now();
  const result = spawnSync('bash', [SCRIPT], { encoding: 'utf8' });
  const elapsedMs = performance.now() - started;
  assert.deepEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr }, { status: 0, stdout: '', stderr: '' });
  assert.ok(elapsedMs < 1000, `took ${elapsedMs.toFixed(0)} ms`);
});

test('a missing command, not root: one line naming the apt-get command to run, exit 1', () => {
  assert.deepEqual(runHiding('qemu-img', true), {
    status: 1,
    stdout: '',
    stderr: 'crashtest tests need: qemu-utils; run: sudo apt-get install -y qemu-utils\n',
  });
});

test('a missing command and no apt-get: one line with the Debian package names, exit 1', () => {
  assert.deepEqual(runHiding('strace', false), {
    status: 1,
    stdout: '',
    stderr: 'crashtest tests need (Debian package names): strace; install them with your package manager, then run npm test again\n',
  });
});

test('--main, the prepare hook of npm ci: only strace, for the main scenario; without root a hint, and the install goes on', () => {
  assert.deepEqual(runHiding('qemu-img', true, ['--main']), { status: 0, stdout: '', stderr: '' }, 'the tests\' packages are not its business');
  assert.deepEqual(runHiding('strace', true, ['--main']), {
    status: 0,
    stdout: '',
    stderr: 'crashtest run scenarios/converter.yml needs: strace; run: sudo apt-get install -y strace\n',
  });
});
