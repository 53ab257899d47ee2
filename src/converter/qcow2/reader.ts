// Opens a qcow2 image and walks its L1/L2 tables, yielding guest extents in guest order.
import fs from 'node:fs';
import { ImageError } from '../errors.js';
import { parseHeader, type Qcow2Header } from './header.js';
import { checkExtensions } from './extensions.js';
import { checkL1Table, checkRefcountTable } from './tables.js';
import { HostClaims } from './claims.js';
import { decodeL1Entry, decodeL2Entry, type Mapping, type TableContext } from './entries.js';
import { readFully } from '../convert/io.js';

/** A run of guest bytes. Consecutive zero runs and host-contiguous data runs are merged. */
export type Extent =
  | { kind: 'zero'; guestOffset: number; length: number }
  | { kind: 'data'; guestOffset: number; length: number; hostOffset: number }
  | { kind: 'compressed'; guestOffset: number; length: number; hostOffset: number; compressedSize: number };

export interface Qcow2Image {
  fd: number;
  fileSize: number;
  header: Qcow2Header;
  /** The needed part of the L1 table. */
  l1: Buffer;
  context: TableContext;
}

/** Opens and validates `path`; throws ImageError for anything refused. Close with closeImage(). */
export function openImage(path: string): Qcow2Image {
  const fd = fs.openSync(path, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new ImageError('not-a-file', `${path} is not a regular file`);
    const fileSize = stat.size;
    const first = Buffer.alloc(112);
    readFully(fd, first, 0, Math.min(first.length, fileSize), 0);
    const header = parseHeader(first, fileSize);
    const cluster0 = Buffer.alloc(header.clusterSize); // zero-filled past the end of a short file
    readFully(fd, cluster0, 0, Math.min(header.clusterSize, fileSize), 0);
    checkExtensions(cluster0, header);
    const claims = new HostClaims(fileSize, header.clusterBits);
    const entries = checkL1Table(header, fileSize, claims);
    checkRefcountTable(header, fileSize, claims);
    const l1 = Buffer.alloc(entries * 8);
    readFully(fd, l1, 0, l1.length, header.l1Offset);
    const context: TableContext = { version: header.version, clusterBits: header.clusterBits, clusterSize: header.clusterSize, fileSize, claims };
    return { fd, fileSize, header, l1, context };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

export function closeImage(image: Qcow2Image): void {
  fs.closeSync(image.fd);
}

/** Yields the extents of the whole virtual disk, in guest order, merged where possible. */
export function* extents(image: Qcow2Image): Generator<Extent> {
  const { header, context } = image;
  const perTable = header.clusterSize / 8;
  const span = perTable * header.clusterSize;
  const l2 = Buffer.alloc(header.clusterSize);
  let pending: Extent | null = null;
  for (let i = 0; i * 8 < image.l1.length; i++) {
    const start = i * span;
    const end = Math.min(start + span, header.virtualSize);
    const tableOffset = decodeL1Entry(image.l1, i, context);
    const runs = tableOffset === 0
      ? [{ kind: 'zero', guestOffset: start, length: end - start } as Extent]
      : tableExtents(image, l2, tableOffset, start, end);
    for (const run of runs) {
      if (pending && merge(pending, run)) continue;
      if (pending) yield pending;
      pending = run;
    }
  }
  if (pending) yield pending;
}

function tableExtents(image: Qcow2Image, l2: Buffer, tableOffset: number, start: number, end: number): Extent[] {
  const { clusterSize } = image.header;
  readFully(image.fd, l2, 0, clusterSize, tableOffset);
  const out: Extent[] = [];
  const m: Mapping = { kind: 'zero', hostOffset: 0, compressedSize: 0 };
  for (let guest = start, j = 0; guest < end; guest += clusterSize, j++) {
    decodeL2Entry(l2, j, guest, image.context, m);
    const length = Math.min(clusterSize, end - guest);
    const run: Extent = m.kind === 'zero' ? { kind: 'zero', guestOffset: guest, length }
      : m.kind === 'data' ? { kind: 'data', guestOffset: guest, length, hostOffset: m.hostOffset }
      : { kind: 'compressed', guestOffset: guest, length, hostOffset: m.hostOffset, compressedSize: m.compressedSize };
    const last = out[out.length - 1];
    if (!last || !merge(last, run)) out.push(run);
  }
  return out;
}

/** Extends `a` by `b` when they are adjacent and of a mergeable kind; returns whether it did. */
function merge(a: Extent, b: Extent): boolean {
  if (a.guestOffset + a.length !== b.guestOffset) return false;
  if (a.kind === 'zero' && b.kind === 'zero') {
    a.length += b.length;
    return true;
  }
  if (a.kind === 'data' && b.kind === 'data' && a.hostOffset + a.length === b.hostOffset) {
    a.length += b.length;
    return true;
  }
  return false;
}
