// Unmounting a volume whose processes were just SIGKILLed: the kernel may still be tearing them
// down, so a busy mount point is retried for a short while before we give up or detach it lazily.
import { setTimeout as sleep } from 'node:timers/promises';
import { SystemError } from '../errors.js';
import { attempt, commandError } from './command.js';
import { holders, mountedDevice } from './mounts.js';

// umount(8) exits 32 for every failure; the reason is in its message.
const BUSY = /busy/i;

/** How long a busy mount point is retried by default, in ms (a SIGKILLed process is gone within a few). */
export const BUSY_TIMEOUT_MS = 2000;

/**
 * Unmounts `mountpoint`, retrying every 10 ms while it is busy. After `busyTimeoutMs`:
 * with `lazy`, detaches it anyway (umount -l, the file system goes when its last user does);
 * without, throws an error naming the processes that still hold it.
 */
export async function unmount({ mountpoint, busyTimeoutMs = BUSY_TIMEOUT_MS, lazy = false }: {
  mountpoint: string; busyTimeoutMs?: number; lazy?: boolean;
}): Promise<void> {
  const deadline = performance.now() + busyTimeoutMs;
  for (;;) {
    if (mountedDevice(mountpoint) === undefined) return;
    const result = await attempt('umount', [mountpoint]);
    if (result.exitCode === 0) return;
    if (!BUSY.test(result.stderr)) throw commandError(result, `unmounting ${mountpoint}`);
    if (performance.now() >= deadline) break;
    await sleep(10);
  }
  if (lazy) {
    const result = await attempt('umount', ['-l', mountpoint]);
    if (result.exitCode !== 0 && mountedDevice(mountpoint) !== undefined) throw commandError(result, `detaching ${mountpoint} lazily`);
    return;
  }
  const who = holders(mountpoint);
  throw new SystemError(`power loss: cannot unmount ${mountpoint}: still busy after ${busyTimeoutMs} ms, held by ${who.length ? who.join(', ') : 'no process we can see (a bind mount or a loop device on it?)'}`,
    'SIGKILL every process using the volume, and wait until it is gone, before remount()');
}
