// Can this machine cut the power of a volume? Asked before a run starts, so a scenario with power
// loss fails at once with what is missing (exit 3) instead of halfway, and is never silently skipped.
import { existsSync, mkdtempSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SystemError } from '../errors.js';
import { findTool, PACKAGE_OF } from './command.js';
import { mountVolume, MIN_SIZE_BYTES } from './mount.js';

/**
 * What this machine lacks for the power-loss fault, one sentence each ([] = supported): root,
 * /dev/loop-control, mkfs.ext4, losetup, mount, xfs_io; when those are there, a real trial (mount a
 * tiny volume, cut its power, remount, release) whose failure is reported with its error.
 */
export async function checkPowerLossSupport(): Promise<string[]> {
  const missing: string[] = [];
  const uid = process.getuid?.();
  if (uid !== 0) missing.push(`root (crashtest runs as uid ${uid}): run crashtest as root, loop devices and mounts need it`);
  if (!existsSync('/dev/loop-control')) {
    missing.push('loop devices (no /dev/loop-control): load the loop module (modprobe loop), or give the container the loop devices (--privileged)');
  }
  for (const tool of ['mkfs.ext4', 'losetup', 'mount', 'umount', 'xfs_io']) {
    if (!findTool(tool)) missing.push(`${tool}: install ${PACKAGE_OF[tool]} (Debian: apt-get install ${PACKAGE_OF[tool]})`);
  }
  if (missing.length === 0) {
    const trial = await tryPowerCycle();
    if (trial) missing.push(`a working trial power cut (mount, cut, remount failed: ${trial})`);
  }
  return missing;
}

/** Throws SystemError (exit 3) "power loss needs …" when checkPowerLossSupport() finds something missing. */
export async function requirePowerLossSupport(): Promise<void> {
  const missing = await checkPowerLossSupport();
  if (missing.length === 0) return;
  throw new SystemError(`power loss needs ${missing.map((m) => m.split(':')[0]).join(', ')}`, missing.map((m) => `- ${m}`).join('\n'));
}

/** One tiny real power cycle; the error message when it fails, undefined when it works. */
async function tryPowerCycle(): Promise<string | undefined> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'crashtest-power-check-'));
  const runId = path.basename(folder);
  try {
    const volume = await mountVolume({ path: path.join(folder, 'mnt'), sizeBytes: MIN_SIZE_BYTES, runId, name: 'check' });
    try {
      await volume.cutPower();
      await volume.remount();
    } finally {
      await volume.release();
    }
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^power loss: /, '');
  } finally {
    // Never a recursive removal: if the trial left the volume mounted, that would delete through it.
    for (const dir of [path.join(folder, 'mnt'), folder]) {
      try {
        rmdirSync(dir);
      } catch {
        // left behind, or never made
      }
    }
  }
}
