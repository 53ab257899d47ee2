// Power loss: a loop-mounted ext4 volume whose power can be cut (un-fsynced writes are lost, as on a
// machine that loses power) and restored (umount, mount: the journal recovery a reboot would run).
export { mountVolume, imageDir, MIN_SIZE_BYTES, type MountOptions } from './mount.js';
export { Volume, type VolumeInfo, type VolumeKeeper, type PowerCut, type Remount } from './volume.js';
export { checkPowerLossSupport, requirePowerLossSupport } from './support.js';
export { BUSY_TIMEOUT_MS } from './unmount.js';
