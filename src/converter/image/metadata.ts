// Writes the metadata of a generated image after its data: L2 tables, L1 table, refcount table and blocks, header.
import fs from 'node:fs';
import { writeFully } from '../convert/io.js';
import type { ImageBuilder } from './builder.js';

const HI_COPIED = 0x80000000;
const REFCOUNT_ORDER = 4; // 16-bit refcounts, qemu's default
const HEADER_LENGTH = 112;

export function writeMetadata(b: ImageBuilder, virtualSize: number, l1Size: number): void {
  const cs = b.clusterSize;
  const l1 = Buffer.alloc(Math.max(1, Math.ceil((l1Size * 8) / cs)) * cs);
  for (let t = 0; t < l1Size; t++) {
    const table = b.l2.subarray(t * cs, (t + 1) * cs);
    if (isAllZero(table)) continue;
    const host = b.allocateCluster();
    writeFully(b.fd, table, 0, cs, host);
    l1.writeUInt32BE((Math.floor(host / 2 ** 32) | HI_COPIED) >>> 0, t * 8);
    l1.writeUInt32BE(host >>> 0, t * 8 + 4);
  }
  const l1Offset = b.allocateCluster();
  for (let c = 1; c < l1.length / cs; c++) b.allocateCluster();
  writeFully(b.fd, l1, 0, l1.length, l1Offset);
  const refcountTable = writeRefcounts(b);
  writeHeader(b, virtualSize, l1Size, l1Offset, refcountTable);
  fs.ftruncateSync(b.fd, b.refcounts.length * cs);
}

/** Allocates refcount table + blocks (sizes found by fixpoint, since they count themselves) and writes them. */
function writeRefcounts(b: ImageBuilder): { offset: number; clusters: number } {
  const cs = b.clusterSize;
  const perBlock = (cs * 8) / 2 ** REFCOUNT_ORDER;
  const before = Math.ceil(b.cursor / cs);
  let blocks = 1;
  let tableClusters = 1;
  for (;;) {
    const total = before + tableClusters + blocks;
    const needBlocks = Math.ceil(total / perBlock);
    const needTable = Math.ceil((needBlocks * 8) / cs);
    if (needBlocks === blocks && needTable === tableClusters) break;
    blocks = needBlocks;
    tableClusters = needTable;
  }
  const tableOffset = b.allocateCluster();
  for (let c = 1; c < tableClusters; c++) b.allocateCluster();
  const blockOffsets: number[] = [];
  for (let i = 0; i < blocks; i++) blockOffsets.push(b.allocateCluster());
  const table = Buffer.alloc(tableClusters * cs);
  blockOffsets.forEach((off, i) => table.writeBigUInt64BE(BigInt(off), i * 8));
  writeFully(b.fd, table, 0, table.length, tableOffset);
  const counts = Buffer.alloc(blocks * cs);
  b.refcounts.forEach((n, i) => counts.writeUInt16BE(n ?? 0, i * 2));
  blockOffsets.forEach((off, i) => writeFully(b.fd, counts, i * cs, cs, off));
  return { offset: tableOffset, clusters: tableClusters };
}

function writeHeader(b: ImageBuilder, size: number, l1Size: number, l1Offset: number, rt: { offset: number; clusters: number }): void {
  const h = Buffer.alloc(HEADER_LENGTH + 8); // + an all-zero "end of extensions" marker
  h.writeUInt32BE(0x514649fb, 0);
  h.writeUInt32BE(3, 4);
  h.writeUInt32BE(b.clusterBits, 20);
  h.writeBigUInt64BE(BigInt(size), 24);
  h.writeUInt32BE(l1Size, 36);
  h.writeBigUInt64BE(BigInt(l1Offset), 40);
  h.writeBigUInt64BE(BigInt(rt.offset), 48);
  h.writeUInt32BE(rt.clusters, 56);
  h.writeUInt32BE(REFCOUNT_ORDER, 96);
  h.writeUInt32BE(HEADER_LENGTH, 100);
  writeFully(b.fd, h, 0, h.length, 0);
}

function isAllZero(buf: Buffer): boolean {
  return buf.equals(Buffer.alloc(buf.length));
}
