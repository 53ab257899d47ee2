// What the kernel says about our volume: is it mounted (/proc/mounts), which image backs a loop
// device (/sys/block), and which processes still hold files under a mount point (/proc/<pid>).
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** /proc/mounts escapes space, tab, newline and backslash as octal (\040 …). */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** The device mounted at `mountpoint` (the last mount wins, as the kernel stacks them), or undefined. */
export function mountedDevice(mountpoint: string): string | undefined {
  let device: string | undefined;
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
    const [source, target] = line.split(' ');
    if (target !== undefined && unescape(target) === mountpoint) device = unescape(source);
  }
  return device;
}

/** The file a loop device reads and writes (without the " (deleted)" mark), or undefined when detached. */
export function loopBackingFile(loopDevice: string): string | undefined {
  try {
    const file = readFileSync(`/sys/block/${path.basename(loopDevice)}/loop/backing_file`, 'utf8').trim();
    return file.replace(/ \(deleted\)$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Live processes with a working folder, an open file or a mapped file under `mountpoint`: "pid 12 (node)". */
export function holders(mountpoint: string): string[] {
  const inside = (target: string): boolean => target === mountpoint || target.startsWith(`${mountpoint}/`);
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const links = ['cwd', 'root', ...readdirSync(`/proc/${entry}/fd`).map((fd) => `fd/${fd}`)];
      const holds = links.some((link) => {
        try {
          return inside(readlinkSync(`/proc/${entry}/${link}`));
        } catch {
          return false;
        }
      }) || readFileSync(`/proc/${entry}/maps`, 'utf8').split('\n').some((line) => inside(line.slice(line.indexOf('/'))));
      if (holds) found.push(`pid ${entry} (${readFileSync(`/proc/${entry}/comm`, 'utf8').trim()})`);
    } catch {
      // exited while we looked
    }
  }
  return found;
}
