// Builds crafted qcow2 images for reader tests: a small valid base image plus helpers to patch its bytes.
// (No tests here; node --test loads this file too and finds nothing to run.)
import fs from 'node:fs';
import path from 'node:path';
import { makeImage } from '../../src/converter/image/make.js';

export interface Base {
  buf: Buffer;
  clusterSize: number;
  l1Offset: number;
  refcountTableOffset: number;
  l2Offset: number;
  /** Index in the L2 table of the first standard data cluster, and its host offset. */
  dataIndex: number;
  dataOffset: number;
  /** Index in the L2 table of the first compressed cluster, and its host offset. */
  compressedIndex: number;
  compressedOffset: number;
}

/** A 2 MiB, 64 KiB-cluster image where every cluster holds data, some of it compressed. */
export function baseImage(dir: string, seed = 1): Base {
  const file = path.join(dir, `base-${seed}.qcow2`);
  makeImage({ out: file, size: 2 * 2 ** 20, seed, clusterBits: 16, compressed: true, dataFraction: 1, mostlyEmpty: false });
  const buf = fs.readFileSync(file);
  fs.rmSync(file);
  const l1Offset = Number(buf.readBigUInt64BE(40));
  const l2Offset = Number(buf.readBigUInt64BE(l1Offset) & 0x00fffffffffffe00n);
  const entries = Array.from({ length: 32 }, (_, i) => buf.readBigUInt64BE(l2Offset + i * 8));
  const dataIndex = entries.findIndex((e) => (e & (1n << 62n)) === 0n && (e & 0x00fffffffffffe00n) !== 0n && (e & 1n) === 0n);
  const compressedIndex = entries.findIndex((e) => (e & (1n << 62n)) !== 0n);
  if (dataIndex < 0 || compressedIndex < 0) throw new Error(`base image seed ${seed} lacks a data or compressed cluster`);
  return {
    buf, clusterSize: 65536, l1Offset, l2Offset, dataIndex, compressedIndex,
    refcountTableOffset: Number(buf.readBigUInt64BE(48)),
    dataOffset: Number(entries[dataIndex] & 0x00fffffffffffe00n),
    compressedOffset: Number(entries[compressedIndex] & ((1n << 54n) - 1n)),
  };
}

/** A copy of the base bytes, to patch. */
export function copyOf(base: Base): Buffer {
  return Buffer.from(base.buf);
}

export function l2EntryAt(base: Base, index: number): number {
  return base.l2Offset + index * 8;
}

/** Writes a header extension (magic, length, zero-padded data) right after the 112-byte v3 header. */
export function putExtension(buf: Buffer, magic: number, length: number, data = Buffer.alloc(0)): void {
  buf.writeUInt32BE(magic, 112);
  buf.writeUInt32BE(length, 116);
  data.copy(buf, 120);
}
