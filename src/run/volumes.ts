// The scenario's volumes: one ext4 file system on a loop device per distinct path, mounted before
// setup (so setup's files land on it), registered with the keeper, released after every process is gone.
import { mountVolume, requirePowerLossSupport, type Volume } from '../power/index.js';
import type { OrphanReaper } from '../process/index.js';
import type { PoweredVolume } from '../chaos/index.js';
import type { ResolvedScenario } from '../scenario/index.js';

/** The mounted volumes of a run and who uses each. */
export interface RunVolumes {
  /** the volume an instance writes to, if its component declares one */
  of(instance: string): PoweredVolume | undefined;
  /** instances on a volume (the targets a power loss can hit) */
  instances(): string[];
  /** unmounts and removes every volume */
  release(): Promise<void>;
}

/** Checks support (exit 3 with what is missing), then mounts each distinct volume path once. */
export async function mountVolumes(resolved: ResolvedScenario, options: { runId: string; reaper: OrphanReaper }): Promise<RunVolumes> {
  const byPath = new Map<string, { volume?: Volume; sizeBytes: number; users: string[] }>();
  for (const instance of resolved.instances) {
    for (const v of instance.spec.volumes) {
      const entry = byPath.get(v.path) ?? { sizeBytes: v.size, users: [] };
      entry.users.push(instance.instance);
      entry.sizeBytes = Math.max(entry.sizeBytes, v.size);
      byPath.set(v.path, entry);
    }
  }
  if (byPath.size > 0) await requirePowerLossSupport();
  let n = 0;
  try {
    for (const [path, entry] of byPath) {
      entry.volume = await mountVolume({ path, sizeBytes: entry.sizeBytes, runId: options.runId, name: `volume-${n++}`, keeper: options.reaper });
    }
  } catch (error) {
    await Promise.all([...byPath.values()].map((e) => e.volume?.release()));
    throw error;
  }
  const powered = new Map<string, PoweredVolume>();
  for (const entry of byPath.values()) {
    const volume = entry.volume!;
    const view: PoweredVolume = { mountpoint: volume.mountpoint, users: entry.users, cutPower: () => volume.cutPower(), remount: () => volume.remount() };
    for (const user of entry.users) powered.set(user, view);
  }
  return {
    of: (instance) => powered.get(instance),
    instances: () => [...powered.keys()],
    release: async () => { for (const entry of byPath.values()) await entry.volume?.release(); },
  };
}
