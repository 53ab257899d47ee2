// Constants of the qcow2 on-disk format (see qemu's docs/interop/qcow2.txt) and this reader's limits.

export const QCOW2_MAGIC = 0x514649fb; // "QFI\xfb"
export const V2_HEADER_LENGTH = 72;
export const V3_MIN_HEADER_LENGTH = 104;
export const MIN_CLUSTER_BITS = 9;
export const MAX_CLUSTER_BITS = 21;

/** Incompatible feature bits (header offset 72, v3 only). */
export const INCOMPAT = {
  dirty: 1 << 0,
  corrupt: 1 << 1,
  externalDataFile: 1 << 2,
  compressionType: 1 << 3,
  extendedL2: 1 << 4,
} as const;
export const KNOWN_INCOMPAT_MASK = 0x1f;

/** Header extension magics we look at. */
export const EXT = {
  end: 0x00000000,
  backingFormat: 0xe2792aca,
  cryptoHeader: 0x0537be77,
  bitmaps: 0x23852875,
  dataFile: 0x44415441,
} as const;

/** Same limits qemu applies when opening an image. */
export const MAX_L1_ENTRIES = (32 * 1024 * 1024) / 8;
export const MAX_REFTABLE_BYTES = 8 * 1024 * 1024;
/** Most host clusters a file may span: qemu's refcount check refuses more ("File too large"); claims.ts keeps 2 bits each. */
export const MAX_HOST_CLUSTERS = 2 ** 31 - 1;
/** This converter's own sanity cap on the virtual size (the output is a file of that size). */
export const MAX_VIRTUAL_SIZE = 2 ** 46; // 64 TiB

/** L2 entry bits, as seen in the high (hi) and low (lo) 32-bit halves of the big-endian entry. */
export const L2_HI_COMPRESSED = 1 << 30; // bit 62
export const L2_LO_ZERO = 1; // bit 0 (all-zeros flag, v3)
export const OFFSET_HI_MASK = 0x00ffffff; // bits 32..55
export const OFFSET_LO_MASK = 0xfffffe00; // bits 9..31
export const TWO_32 = 4294967296;
