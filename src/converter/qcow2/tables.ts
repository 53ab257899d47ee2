// Validates where the L1 and refcount tables live, before anything is read from them.
import { ImageError, hex } from '../errors.js';
import { MAX_L1_ENTRIES, MAX_REFTABLE_BYTES } from './format.js';
import type { Qcow2Header } from './header.js';
import type { HostClaims } from './claims.js';

/** Number of L1 entries needed to map the whole virtual disk. */
export function l1EntriesNeeded(h: Qcow2Header): number {
  const bytesPerL1Entry = h.clusterSize * (h.clusterSize / 8);
  return Math.ceil(h.virtualSize / bytesPerL1Entry);
}

/** Checks the L1 table (its offset's alignment was checked with the header); returns how many of its entries the converter must read. */
export function checkL1Table(h: Qcow2Header, fileSize: number, claims: HostClaims): number {
  const needed = l1EntriesNeeded(h);
  if (h.l1Size > MAX_L1_ENTRIES) {
    throw new ImageError('l1-table', `L1 table has ${h.l1Size} entries, more than the limit of ${MAX_L1_ENTRIES}`);
  }
  if (h.l1Size < needed) {
    throw new ImageError('l1-table', `L1 table has ${h.l1Size} entries but a virtual size of ${h.virtualSize} bytes needs ${needed}`);
  }
  if (needed === 0) return 0;
  if (h.l1Offset === 0) {
    throw new ImageError('into-header', 'L1 table offset is 0: it points into the header (cluster 0)');
  }
  if (h.l1Offset + needed * 8 > fileSize) {
    throw new ImageError('past-eof',
      `L1 table (offset ${hex(h.l1Offset)}, ${needed * 8} bytes) extends past the end of the file (${fileSize} bytes)`);
  }
  claims.exclusive(h.l1Offset, needed * 8, 'the L1 table');
  return needed;
}

/** Checks the refcount table's position; its contents are never needed to read the image. */
export function checkRefcountTable(h: Qcow2Header, fileSize: number, claims: HostClaims): void {
  if (h.refcountTableClusters === 0) {
    throw new ImageError('refcount-table', 'image does not contain a reference count table (refcount_table_clusters is 0), which qemu-img refuses too');
  }
  const bytes = h.refcountTableClusters * h.clusterSize;
  if (bytes > MAX_REFTABLE_BYTES) {
    throw new ImageError('refcount-table', `refcount table has ${h.refcountTableClusters} clusters, more than the limit of ${MAX_REFTABLE_BYTES} bytes`);
  }
  if (h.refcountTableOffset === 0) {
    throw new ImageError('into-header', 'refcount table offset is 0: it points into the header (cluster 0)');
  }
  if (h.refcountTableOffset + bytes > fileSize) {
    throw new ImageError('past-eof',
      `refcount table (offset ${hex(h.refcountTableOffset)}, ${bytes} bytes) extends past the end of the file (${fileSize} bytes)`);
  }
  claims.exclusive(h.refcountTableOffset, bytes, 'the refcount table');
}
