// Making a volume: a sparse image file, ext4 on it, a loop device, a mount. The image lives under the
// system temp folder in a folder of its own per run (see imageDir); the mount point is the caller's.
import { mkdirSync, realpathSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HarnessError, SystemError } from '../errors.js';
import { run } from './command.js';
import { mountedDevice } from './mounts.js';
import { detachLoop, removeImage, Volume, type VolumeKeeper } from './volume.js';

/** The smallest volume: below ~2 MiB mkfs.ext4 makes no journal, and without a journal there is no recovery to test. */
export const MIN_SIZE_BYTES = 4 * 1024 * 1024;

/** What mountVolume() needs. */
export interface MountOptions {
  /** the folder to mount on; created if missing, must not be a mount point already */
  path: string;
  /** the volume's size in bytes (the image is sparse: only written blocks take disk space); at least MIN_SIZE_BYTES */
  sizeBytes: number;
  /** the run the volume belongs to: its image goes to <tmp>/crashtest-<runId>-volumes/ */
  runId: string;
  /** the volume's name, unique within the run: [A-Za-z0-9._-]+ */
  name: string;
  /** told right after the loop device exists, and again on release: pass the run's OrphanReaper */
  keeper?: VolumeKeeper;
}

/**
 * Where a run's images go. Not in the run folder: reports/<run-id> is kept, an image is scratch.
 * Not in <tmp>/crashtest-<runId>/ either: the postgres preset removes that folder recursively.
 * Never under the mount point, which would hide it.
 */
export function imageDir(runId: string): string {
  return path.join(os.tmpdir(), `crashtest-${runId}-volumes`);
}

/** Creates, formats, attaches and mounts a fresh ext4 volume; undoes whatever it did if a step fails. */
export async function mountVolume({ path: folder, sizeBytes, runId, name, keeper }: MountOptions): Promise<Volume> {
  checkOptions({ sizeBytes, name });
  mkdirSync(folder, { recursive: true });
  const mountpoint = realpathSync(folder);
  const already = mountedDevice(mountpoint);
  if (already) throw new SystemError(`power loss: cannot mount volume ${name} on ${mountpoint}: ${already} is already mounted there`, 'choose another path, or unmount it first');
  const image = createImage({ runId, name, sizeBytes });
  let loopDevice: string | undefined;
  try {
    await run('mkfs.ext4', ['-q', image], `formatting volume ${name}`);
    loopDevice = await run('losetup', ['--find', '--show', image], `attaching volume ${name} to a loop device`);
    // From here the keeper can tear it down if we are killed; it tolerates a volume not mounted yet.
    keeper?.adoptVolume({ mountpoint, loopDevice, image });
    await run('mount', ['-t', 'ext4', loopDevice, mountpoint], `mounting volume ${name}`);
    return new Volume({ name, mountpoint, loopDevice, image, keeper });
  } catch (error) {
    if (loopDevice) {
      await detachLoop({ loopDevice, image }).catch(() => undefined);
      keeper?.releaseVolume({ mountpoint, loopDevice, image });
    }
    removeImage(image);
    throw error;
  }
}

function checkOptions({ sizeBytes, name }: Pick<MountOptions, 'sizeBytes' | 'name'>): void {
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes < MIN_SIZE_BYTES) {
    throw new HarnessError(`power loss: volume ${name}: sizeBytes must be a whole number of bytes ≥ ${MIN_SIZE_BYTES} (4 MiB); got ${sizeBytes}`);
  }
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new HarnessError(`power loss: volume name must be letters, digits, ".", "_" or "-" (it names the image file); got "${name}"`);
  }
}

/** A sparse file of `sizeBytes`; refuses to reuse one (a volume of that name is still alive, or was left behind). */
function createImage({ runId, name, sizeBytes }: Pick<MountOptions, 'runId' | 'name' | 'sizeBytes'>): string {
  const dir = imageDir(runId);
  const image = path.join(dir, `${name}.img`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(image, '', { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new SystemError(`power loss: volume ${name} of run ${runId} already has an image at ${image}`, 'release() the volume first, or give this one another name');
  }
  truncateSync(image, sizeBytes);
  return image;
}
