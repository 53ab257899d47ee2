// Decodes L1 and L2 table entries into host offsets, checking each against the file and the claims map.
import { ImageError, hex } from '../errors.js';
import { L2_HI_COMPRESSED, L2_LO_ZERO, OFFSET_HI_MASK, OFFSET_LO_MASK, TWO_32 } from './format.js';
import type { HostClaims } from './claims.js';

/** What one guest cluster maps to. `hostOffset`/`compressedSize` are only meaningful for their kinds. */
export type ClusterKind = 'zero' | 'data' | 'compressed';
export interface Mapping { kind: ClusterKind; hostOffset: number; compressedSize: number }

export interface TableContext {
  version: 2 | 3;
  clusterBits: number;
  clusterSize: number;
  fileSize: number;
  claims: HostClaims;
}

/** Bits 9..55 of an entry: the cluster-aligned host offset used by L1 entries and standard L2 entries. */
function standardOffset(hi: number, lo: number): number {
  return (hi & OFFSET_HI_MASK) * TWO_32 + ((lo & OFFSET_LO_MASK) >>> 0);
}

/** Returns the L2 table offset of L1 entry `index`, or 0 when that range is unallocated. */
export function decodeL1Entry(l1: Buffer, index: number, ctx: TableContext): number {
  const offset = standardOffset(l1.readUInt32BE(index * 8), l1.readUInt32BE(index * 8 + 4));
  if (offset === 0) return 0;
  const what = (): string => `L2 table ${hex(offset)} (L1 entry ${index})`;
  if (offset % ctx.clusterSize !== 0) {
    throw new ImageError('unaligned', `${what()} is not aligned to the cluster size ${ctx.clusterSize}`);
  }
  if (offset + ctx.clusterSize > ctx.fileSize) {
    throw new ImageError('past-eof', `${what()} lies past the end of the file (${ctx.fileSize} bytes)`);
  }
  ctx.claims.exclusive(offset, ctx.clusterSize, what);
  return offset;
}

/** Decodes entry `index` of an L2 table into `out` (reused to avoid allocating per cluster). */
export function decodeL2Entry(l2: Buffer, index: number, guestOffset: number, ctx: TableContext, out: Mapping): void {
  const hi = l2.readUInt32BE(index * 8);
  const lo = l2.readUInt32BE(index * 8 + 4);
  if (hi & L2_HI_COMPRESSED) return decodeCompressed(hi, lo, guestOffset, ctx, out);
  const offset = standardOffset(hi, lo);
  out.kind = 'zero';
  if (lo & L2_LO_ZERO && ctx.version < 3) {
    throw new ImageError('zero-flag-v2', `L2 entry for guest offset ${hex(guestOffset)} has the zero flag, which version 2 images cannot have`);
  }
  if (offset === 0 && (lo & L2_LO_ZERO) === 0) return; // unallocated: reads as zeros
  const what = (): string => `data cluster ${hex(offset)} (guest offset ${hex(guestOffset)})`;
  if (offset % ctx.clusterSize !== 0) {
    throw new ImageError('unaligned', `${what()} is not aligned to the cluster size ${ctx.clusterSize}`);
  }
  if (lo & L2_LO_ZERO) return; // zero flag: reads as zeros whatever the offset
  if (offset >= ctx.fileSize) {
    throw new ImageError('past-eof', `${what()} lies past the end of the file (${ctx.fileSize} bytes)`);
  }
  ctx.claims.exclusive(offset, ctx.clusterSize, what);
  out.kind = 'data';
  out.hostOffset = offset;
}

function decodeCompressed(hi: number, lo: number, guestOffset: number, ctx: TableContext, out: Mapping): void {
  const entry = (BigInt(hi) << 32n) | BigInt(lo);
  const offsetBits = BigInt(62 - (ctx.clusterBits - 8));
  const offset = Number(entry & ((1n << offsetBits) - 1n));
  const extraSectors = Number((entry >> offsetBits) & ((1n << BigInt(ctx.clusterBits - 8)) - 1n));
  const what = (): string => `compressed cluster at ${hex(offset)} (guest offset ${hex(guestOffset)})`;
  if (offset < ctx.clusterSize) {
    throw new ImageError('into-header', `${what()} points into the header (cluster 0)`);
  }
  if (offset >= ctx.fileSize) {
    throw new ImageError('past-eof', `${what()} lies past the end of the file (${ctx.fileSize} bytes)`);
  }
  ctx.claims.compressed(offset, what);
  out.kind = 'compressed';
  out.hostOffset = offset;
  out.compressedSize = (extraSectors + 1) * 512 - (offset % 512);
}
