// If crashtest itself dies (even by kill -9), its components die too: a keeper process holds a pipe
// from us and, when it closes, kills every registered process group and every process carrying a registered
// mark (those that left their group), then tears down every registered volume and deletes every registered folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ProcessIdentity } from './pid-identity.js';

/** A loop-mounted volume (src/power's VolumeInfo, same shape): what the keeper unmounts, detaches and removes. */
export interface AdoptedVolume {
  mountpoint: string;
  loopDevice: string;
  image: string;
}

const KEEPER = fileURLToPath(new URL('./keeper.js', import.meta.url));

/** The connection to this run's keeper. */
export class OrphanReaper {
  private readonly keeper: ChildProcess;

  constructor() {
    // Detached: its own group, so neither Ctrl-C nor a group kill aimed at us reaches it.
    this.keeper = spawn(process.execPath, [KEEPER], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    this.keeper.unref();
    this.keeper.stdin?.on('error', () => undefined);
    (this.keeper.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }

  /** Registers a group the keeper must kill if we die. */
  adopt(identity: ProcessIdentity): void {
    this.keeper.stdin?.write(`+ ${identity.pgid} ${identity.startTicks}\n`);
  }

  /** Forgets a group that is gone. */
  release(identity: ProcessIdentity): void {
    this.keeper.stdin?.write(`- ${identity.pgid}\n`);
  }

  /** Registers a mark prefix (marks.ts): the keeper kills every process whose mark starts with it, in its group or not. */
  adoptMarks(prefix: string): void {
    this.keeper.stdin?.write(`m+ ${JSON.stringify(prefix)}\n`);
  }

  /** Registers a folder (absolute path) the keeper must delete if we die (after killing the groups). */
  adoptFolder(folder: string): void {
    this.keeper.stdin?.write(`d+ ${JSON.stringify(folder)}\n`);
  }

  /** Forgets a folder that was deleted. */
  releaseFolder(folder: string): void {
    this.keeper.stdin?.write(`d- ${JSON.stringify(folder)}\n`);
  }

  /** Registers a volume the keeper must unmount, detach and delete if we die (after killing the groups). */
  adoptVolume(volume: AdoptedVolume): void {
    // JSON: paths may hold spaces; one line each, as JSON never contains a raw newline.
    this.keeper.stdin?.write(`v+ ${JSON.stringify({ mountpoint: volume.mountpoint, loopDevice: volume.loopDevice, image: volume.image })}\n`);
  }

  /** Forgets a volume that was released. */
  releaseVolume(volume: Pick<AdoptedVolume, 'mountpoint'>): void {
    this.keeper.stdin?.write(`v- ${JSON.stringify(volume.mountpoint)}\n`);
  }

  /** Closes the pipe: the keeper kills whatever is still registered and exits. */
  close(): void {
    this.keeper.stdin?.end();
  }
}
