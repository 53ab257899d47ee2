// One loop-mounted ext4 volume and the power-loss fault on it: cutPower() shuts the file system down
// without flushing (un-fsynced writes are lost), remount() runs the journal recovery a reboot would.
import { rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { SystemError } from '../errors.js';
import { attempt, commandError, run } from './command.js';
import { loopBackingFile, mountedDevice } from './mounts.js';
import { unmount } from './unmount.js';

/** Where a volume lives: all the keeper needs to tear it down if crashtest dies. */
export interface VolumeInfo {
  /** the folder the file system is mounted on (absolute, symlinks resolved) */
  mountpoint: string;
  /** the loop device, e.g. /dev/loop3 */
  loopDevice: string;
  /** the sparse image file behind the loop device */
  image: string;
}

/** Told of every volume that must not outlive crashtest. OrphanReaper (src/process) fits as it is. */
export interface VolumeKeeper {
  adoptVolume(volume: VolumeInfo): void;
  releaseVolume(volume: VolumeInfo): void;
}

/** How long the cut took, in ms (the shutdown ioctl only: nothing is written). */
export interface PowerCut {
  shutdownMs: number;
}

/** How long the "reboot" took, in ms: unmounting the dead file system, mounting it again (journal recovery). */
export interface Remount {
  unmountMs: number;
  mountMs: number;
  totalMs: number;
}

const ms = (since: number): number => Math.round((performance.now() - since) * 10) / 10;

/** A mounted volume; made by mountVolume(). */
export class Volume implements VolumeInfo {
  readonly name: string;
  readonly mountpoint: string;
  readonly loopDevice: string;
  readonly image: string;
  private readonly keeper?: VolumeKeeper;
  private released = false;

  constructor(options: VolumeInfo & { name: string; keeper?: VolumeKeeper }) {
    ({ name: this.name, mountpoint: this.mountpoint, loopDevice: this.loopDevice, image: this.image, keeper: this.keeper } = options);
  }

  /** The fields the keeper needs. */
  get info(): VolumeInfo {
    return { mountpoint: this.mountpoint, loopDevice: this.loopDevice, image: this.image };
  }

  /**
   * Cuts the power: the ext4 shutdown ioctl with no log flush (`xfs_io -x -c shutdown`, without -f,
   * as xfstests does). Every later I/O on the volume fails with EIO; the caller then SIGKILLs
   * every process using it and calls remount().
   */
  async cutPower(): Promise<PowerCut> {
    this.assertLive('cutPower');
    const start = performance.now();
    await run('xfs_io', ['-x', '-c', 'shutdown', this.mountpoint], `cutting the power of volume ${this.name}`);
    return { shutdownMs: ms(start) };
  }

  /**
   * Unmounts the dead file system and mounts it again; ext4 replays its journal on mount. Never
   * lazy: a lazily detached superblock lives on while a process holds a file, and mounting the same
   * loop device again would attach that same shut-down file system (every I/O EIO, no recovery).
   * So a mount point still busy after `busyTimeoutMs` (default 2000) is an error naming who holds it.
   */
  async remount({ busyTimeoutMs }: { busyTimeoutMs?: number } = {}): Promise<Remount> {
    this.assertLive('remount');
    const start = performance.now();
    await unmount({ mountpoint: this.mountpoint, busyTimeoutMs });
    const unmountMs = ms(start);
    const mountStart = performance.now();
    await run('mount', ['-t', 'ext4', this.loopDevice, this.mountpoint], `remounting volume ${this.name} after the power cut`);
    return { unmountMs, mountMs: ms(mountStart), totalMs: ms(start) };
  }

  /** Unmounts (lazily if still busy), detaches the loop device, removes the image. Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    if (isMountedFrom(this)) await unmount({ mountpoint: this.mountpoint, lazy: true });
    await detachLoop(this.info);
    removeImage(this.image);
    this.keeper?.releaseVolume(this.info);
    this.released = true;
  }

  private assertLive(verb: string): void {
    if (this.released) throw new SystemError(`power loss: volume ${this.name} (${this.mountpoint}) was released; ${verb}() needs a mounted volume`, 'mount a new one with mountVolume()');
  }
}

/** Detaches the loop device if it still serves our image (never a device another volume took since). */
export async function detachLoop({ loopDevice, image }: Pick<VolumeInfo, 'loopDevice' | 'image'>): Promise<void> {
  if (loopBackingFile(loopDevice) !== image) return;
  // On a device still in use (after a lazy unmount) the kernel only marks it to detach when its last user goes.
  const result = await attempt('losetup', ['-d', loopDevice]);
  if (result.exitCode !== 0 && loopBackingFile(loopDevice) === image) throw commandError(result, `detaching ${loopDevice}`);
}

/** Removes an image and its folder once that is empty. */
export function removeImage(image: string): void {
  rmSync(image, { force: true });
  try {
    rmdirSync(path.dirname(image));
  } catch {
    // another volume of the run still has its image there
  }
}

/** True while `mountpoint` is mounted from `loopDevice`. */
export function isMountedFrom(volume: Pick<VolumeInfo, 'mountpoint' | 'loopDevice'>): boolean {
  return mountedDevice(volume.mountpoint) === volume.loopDevice;
}
