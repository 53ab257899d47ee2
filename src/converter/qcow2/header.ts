// Parses and validates the fixed qcow2 header (v2 and v3), refusing every feature this converter does not handle.
import { ImageError, hex } from '../errors.js';
import {
  QCOW2_MAGIC, V2_HEADER_LENGTH, V3_MIN_HEADER_LENGTH, MIN_CLUSTER_BITS, MAX_CLUSTER_BITS,
  INCOMPAT, KNOWN_INCOMPAT_MASK, MAX_VIRTUAL_SIZE, TWO_32,
} from './format.js';

const AUTOCLEAR_DATA_FILE_RAW = 2;

export interface Qcow2Header {
  version: 2 | 3;
  clusterBits: number;
  clusterSize: number;
  virtualSize: number;
  l1Size: number;
  l1Offset: number;
  refcountTableOffset: number;
  refcountTableClusters: number;
  headerLength: number;
  autoclear: number;
}

/** Reads a big-endian u64 as a number; values above 2^53 lose precision but stay huge, which is all the checks need. */
export function u64(buf: Buffer, at: number): number {
  return buf.readUInt32BE(at) * TWO_32 + buf.readUInt32BE(at + 4);
}

/** Validates `buf` (the first bytes of the file, at least 112 when available) and returns the header. */
export function parseHeader(buf: Buffer, fileSize: number): Qcow2Header {
  if (fileSize < V2_HEADER_LENGTH) {
    throw new ImageError('truncated', `file is too small to be a qcow2 image (${fileSize} bytes)`);
  }
  const magic = buf.readUInt32BE(0);
  if (magic !== QCOW2_MAGIC) {
    throw new ImageError('not-qcow2', `not a qcow2 image: magic is ${hex(magic)}, expected ${hex(QCOW2_MAGIC)}`);
  }
  const version = buf.readUInt32BE(4);
  if (version !== 2 && version !== 3) {
    throw new ImageError('version', `unsupported qcow2 version ${version} (only 2 and 3 are supported)`);
  }
  const clusterBits = buf.readUInt32BE(20);
  if (clusterBits < MIN_CLUSTER_BITS || clusterBits > MAX_CLUSTER_BITS) {
    throw new ImageError('cluster-bits', `cluster_bits ${clusterBits} is out of range (${MIN_CLUSTER_BITS}..${MAX_CLUSTER_BITS})`);
  }
  const clusterSize = 2 ** clusterBits;
  const v3 = version === 3 ? checkV3Fields(buf, fileSize, clusterSize) : { headerLength: V2_HEADER_LENGTH, autoclear: 0 };
  checkRefusedFeatures(buf);
  checkTableOffsets(buf, clusterSize);
  const header: Qcow2Header = {
    version, clusterBits, clusterSize,
    virtualSize: u64(buf, 24),
    l1Size: buf.readUInt32BE(36),
    l1Offset: u64(buf, 40),
    refcountTableOffset: u64(buf, 48),
    refcountTableClusters: buf.readUInt32BE(56),
    ...v3,
  };
  checkVirtualSize(header.virtualSize);
  return header;
}

function checkV3Fields(buf: Buffer, fileSize: number, clusterSize: number): { headerLength: number; autoclear: number } {
  if (fileSize < V3_MIN_HEADER_LENGTH) {
    throw new ImageError('truncated', `file is too small to hold a qcow2 v3 header (${fileSize} bytes)`);
  }
  const headerLength = buf.readUInt32BE(100);
  if (headerLength < V3_MIN_HEADER_LENGTH || headerLength % 8 !== 0 || headerLength > clusterSize) {
    throw new ImageError('header-length',
      `header_length ${headerLength} is invalid (must be a multiple of 8 between ${V3_MIN_HEADER_LENGTH} and the cluster size ${clusterSize})`);
  }
  checkIncompatibleBits(buf.readUInt32BE(72), buf.readUInt32BE(76));
  const compressionType = headerLength > V3_MIN_HEADER_LENGTH ? buf.readUInt8(104) : 0;
  if (compressionType !== 0) {
    throw new ImageError('compression-type', `image uses compression type ${compressionType}; only zlib (0) is supported`);
  }
  const refcountOrder = buf.readUInt32BE(96);
  if (refcountOrder > 6) {
    throw new ImageError('refcount-order', `refcount_order ${refcountOrder} is out of range (0..6)`);
  }
  const autoclear = buf.readUInt32BE(92);
  if (autoclear & AUTOCLEAR_DATA_FILE_RAW) {
    throw new ImageError('external-data-file', 'image has the data-file-raw bit (autoclear bit 1) set, which requires an external data file; not supported');
  }
  return { headerLength, autoclear };
}

function checkIncompatibleBits(high: number, low: number): void {
  if (low & INCOMPAT.corrupt) {
    throw new ImageError('corrupt', 'image is marked corrupt (incompatible bit 1); repair it with "qemu-img check -r all" first');
  }
  if (low & INCOMPAT.externalDataFile) {
    throw new ImageError('external-data-file', 'image keeps its data in an external data file (incompatible bit 2); not supported');
  }
  if (low & INCOMPAT.compressionType) {
    throw new ImageError('compression-type', 'image declares a non-zlib compression type (incompatible bit 3); only zlib is supported');
  }
  if (low & INCOMPAT.extendedL2) {
    throw new ImageError('extended-l2', 'image uses extended L2 entries / subclusters (incompatible bit 4); not supported');
  }
  const unknownLow = (low & ~KNOWN_INCOMPAT_MASK) >>> 0;
  if (high !== 0 || unknownLow !== 0) {
    const bits = (BigInt(high) << 32n) | BigInt(unknownLow);
    throw new ImageError('unknown-incompatible', `image has unknown incompatible feature bits ${hex(bits)}; refusing to guess their meaning`);
  }
}

function checkRefusedFeatures(buf: Buffer): void {
  if (u64(buf, 8) !== 0) {
    throw new ImageError('backing-file', 'image has a backing file; only standalone images are supported (flatten it with "qemu-img rebase -b \'\'" first)');
  }
  const cryptMethod = buf.readUInt32BE(32);
  if (cryptMethod !== 0) {
    throw new ImageError('encrypted', `image is encrypted (crypt_method ${cryptMethod}); encrypted images are not supported`);
  }
  const snapshots = buf.readUInt32BE(60);
  if (snapshots !== 0) {
    throw new ImageError('snapshots', `image has ${snapshots} internal snapshot(s); not supported (delete them or convert with qemu-img)`);
  }
}

/** Table offsets must be cluster-aligned and below 2^63 (qemu's rule); checked on the exact 64-bit values. */
function checkTableOffsets(buf: Buffer, clusterSize: number): void {
  const tables: Array<[number, string, string]> = [[40, 'l1-table', 'L1 table'], [48, 'refcount-table', 'refcount table'], [64, 'snapshots', 'snapshot table']];
  for (const [at, reason, name] of tables) {
    const offset = buf.readBigUInt64BE(at);
    if (offset >= 2n ** 63n) throw new ImageError(reason, `${name} offset ${hex(offset)} is beyond 2^63`);
    if (offset % BigInt(clusterSize) !== 0n) {
      throw new ImageError(reason, `${name} offset ${hex(offset)} is not aligned to the cluster size ${clusterSize}`);
    }
  }
}

function checkVirtualSize(size: number): void {
  if (size > MAX_VIRTUAL_SIZE) {
    throw new ImageError('virtual-size', `virtual size ${size} bytes exceeds this converter's limit of ${MAX_VIRTUAL_SIZE} bytes (64 TiB)`);
  }
  if (size % 512 !== 0) {
    throw new ImageError('virtual-size', `virtual size ${size} is not a multiple of 512 bytes`);
  }
}
