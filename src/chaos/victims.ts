// What the nemesis needs from whoever runs the components (the supervisor): their process groups,
// a way to claim the next exit as ours, and restarts that wait (for a volume to come back).
import type { ProcessIdentity } from '../process/index.js';

/** The running instances chaos may hurt. */
export interface Victims {
  /** SIGKILLs the instance's whole group now (its next exit counts as chaos); why not, when it could not */
  kill(instance: string): { fired: true; pid: number } | { fired: false; reason: string };
  /** the instance's running group, its next exit claimed as a chaos kill; undefined when not running */
  expectKill(instance: string): ProcessIdentity | undefined;
  /** gives the claim back when the fault did not happen */
  forgiveKill(instance: string): void;
  /** the instance's running group, or undefined */
  group(instance: string): ProcessIdentity | undefined;
  /** restarts of these instances after their next chaos kill wait until `until` settles */
  holdRestarts(instances: readonly string[], until: Promise<unknown>): void;
}

/** A volume that can lose power, and the instances that write to it. */
export interface PoweredVolume {
  /** shut the file system down without flushing: writes not yet on the disk are gone */
  cutPower(): Promise<{ shutdownMs: number }>;
  /** unmount and mount again (journal recovery); every user must be gone */
  remount(): Promise<{ totalMs: number }>;
  mountpoint: string;
  /** instance names whose component declares this volume */
  users: readonly string[];
}
