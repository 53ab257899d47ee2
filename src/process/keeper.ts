// The keeper: a tiny process per run that outlives crashtest only to undo what crashtest started.
// crashtest writes "+ <pgid> <startTicks>" / "- <pgid>", "m+ <json mark prefix>", "v+ <json volume>" /
// "v- <json mountpoint>" and "d+ <json folder>" / "d- <json folder>" lines to its stdin; when that pipe
// closes (crashtest exited, or was killed with kill -9) it SIGKILLs every group still registered and every
// process carrying one of the marks (those that left their group), then unmounts, detaches and deletes
// every volume and deletes every folder still registered.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { groupMembers, readIdentity } from './pid-identity.js';
import { killMarked } from './kill-marked.js';
import type { AdoptedVolume } from './orphan-reaper.js';

const groups = new Map<number, string>();
const volumes = new Map<string, AdoptedVolume>();
const markPrefixes = new Set<string>();
const folders = new Set<string>();

// Ctrl-C or a SIGTERM to our session must not stop the keeper before it has done its job.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
process.on('SIGHUP', () => undefined);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (/^[vmd][+-] /.test(line)) return readJsonLine(line);
  const [op, pgid, startTicks] = line.trim().split(' ');
  if (op === '+') groups.set(Number(pgid), startTicks);
  if (op === '-') groups.delete(Number(pgid));
});
lines.on('close', () => {
  const killed = killGroups();
  const escaped = killMarked((mark) => [...markPrefixes].some((prefix) => mark.startsWith(prefix)));
  // The volumes and folders last: a process killed a moment ago may still hold files there until it is reaped.
  waitGone(killed, escaped.map((p) => p.pid), 1000);
  for (const volume of volumes.values()) removeVolume(volume);
  // Retries: a server's last files may still be in the making when it dies.
  for (const folder of folders) rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  process.exit(0);
});

/** "v+ {volume}" / "v- \"mountpoint\"", "m+ \"prefix\"", "d+ \"folder\"" / "d- \"folder\"": a line we cannot read is dropped, the keeper must not die of it. */
function readJsonLine(line: string): void {
  try {
    const value: unknown = JSON.parse(line.slice(3));
    const op = line.slice(0, 2);
    if (op === 'v+') volumes.set((value as AdoptedVolume).mountpoint, value as AdoptedVolume);
    if (op === 'v-') volumes.delete(value as string);
    if (op === 'm+' && typeof value === 'string' && value !== '') markPrefixes.add(value);
    // Only absolute paths: a relative one would depend on the keeper's working folder.
    if (op === 'd+' && typeof value === 'string' && path.isAbsolute(value)) folders.add(value);
    if (op === 'd-') folders.delete(value as string);
  } catch {
    // not ours to judge: crashtest wrote it
  }
}

/** SIGKILLs every registered group that is still ours; returns the pgids signalled. */
function killGroups(): number[] {
  const killed: number[] = [];
  for (const [pgid, startTicks] of groups) {
    const leader = readIdentity(pgid);
    // Same rule as kill-group.ts: a live leader must have the recorded start time; a dead leader's
    // pid stays reserved while its group has members, and those started after it.
    const ours = leader ? leader.startTicks === startTicks : groupMembers(pgid).some((m) => Number(m.startTicks) >= Number(startTicks));
    if (!ours) continue;
    try {
      process.kill(-pgid, 'SIGKILL');
      killed.push(pgid);
    } catch {
      // already gone
    }
  }
  return killed;
}

/** Busy-waits (we have nothing else to do) until no member of the groups and none of the pids is left, or `timeoutMs` passes. */
function waitGone(pgids: number[], pids: number[], timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  const left = (): boolean => pgids.some((pgid) => groupMembers(pgid).length > 0) || pids.some((pid) => readIdentity(pid) !== undefined);
  while (left() && Date.now() < deadline) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
}

/**
 * Unmounts (lazily if a process outside our groups still holds it: the file system then goes with
 * its last user), detaches the loop device, deletes the image. Each step only when it is still ours:
 * the mount from our loop device, the loop device on our image. Plain spawnSync, no execa: the keeper
 * stays small and has no one to report to.
 */
function removeVolume({ mountpoint, loopDevice, image }: AdoptedVolume): void {
  // losetup lives in /usr/sbin, which a non-root PATH lacks.
  const options = { stdio: 'ignore' as const, env: { ...process.env, PATH: `${process.env.PATH ?? '/usr/bin:/bin'}:/usr/sbin:/sbin` } };
  if (mountedDevice(mountpoint) === loopDevice) {
    const plain = spawnSync('umount', [mountpoint], options);
    if (plain.status !== 0) spawnSync('umount', ['-l', mountpoint], options);
  }
  if (loopBackingFile(loopDevice) === image) spawnSync('losetup', ['-d', loopDevice], options);
  rmSync(image, { force: true });
  try {
    rmdirSync(path.dirname(image));
  } catch {
    // not empty: another volume's image is still there
  }
}

/** The device mounted at `mountpoint` per /proc/mounts (octal escapes decoded), or undefined. */
function mountedDevice(mountpoint: string): string | undefined {
  const decode = (field: string): string => field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  let device: string | undefined;
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
    const [source, target] = line.split(' ');
    if (target !== undefined && decode(target) === mountpoint) device = decode(source);
  }
  return device;
}

/** The image behind a loop device, or undefined when it is detached. */
function loopBackingFile(loopDevice: string): string | undefined {
  try {
    return readFileSync(`/sys/block/${path.basename(loopDevice)}/loop/backing_file`, 'utf8').trim().replace(/ \(deleted\)$/, '');
  } catch {
    return undefined;
  }
}
