// Shared by the power tests: what a test may leave behind, read from the kernel (never from our own bookkeeping).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Loop devices and mounts whose image or mount point contains `tag` ([] when the test cleaned up). */
export function leftovers(tag: string): string[] {
  const loops = execFileSync('losetup', ['-a'], { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } })
    .split('\n').filter((line) => line.includes(tag)).map((line) => `loop device: ${line}`);
  const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').filter((line) => line.includes(tag)).map((line) => `mount: ${line}`);
  return [...loops, ...mounts];
}

/** True while `loopDevice` serves some image. */
export function loopAttached(loopDevice: string): boolean {
  try {
    return readFileSync(`/sys/block/${loopDevice.replace('/dev/', '')}/loop/backing_file`, 'utf8').trim() !== '';
  } catch {
    return false;
  }
}

/** True while something is mounted at `mountpoint`. */
export function isMounted(mountpoint: string): boolean {
  return readFileSync('/proc/mounts', 'utf8').split('\n').some((line) => line.split(' ')[1] === mountpoint);
}
