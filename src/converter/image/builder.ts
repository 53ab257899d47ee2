// Places guest clusters into the host file of a generated image, recording L2 entries and refcounts as it goes.
import zlib from 'node:zlib';
import { writeFully } from '../convert/io.js';
import { Kind, type KindValue } from './plan.js';
import { clusterContent } from './content.js';

const HI_COPIED = 0x80000000;

export class ImageBuilder {
  readonly clusterSize: number;
  /** All L2 tables, back to back: entry of guest cluster i at i * 8. */
  readonly l2: Buffer;
  /** Refcount of each host cluster, by index. */
  readonly refcounts: number[] = [1]; // cluster 0: the header
  /** Next free host byte. */
  cursor: number;

  constructor(readonly fd: number, readonly clusterBits: number, tables: number, readonly seed: number) {
    this.clusterSize = 2 ** clusterBits;
    this.l2 = Buffer.alloc(tables * this.clusterSize);
    this.cursor = this.clusterSize;
  }

  place(index: number, kind: KindValue): void {
    if (kind === Kind.unallocated) return;
    if (kind === Kind.zeroFlag) return this.setEntry(index, 0, 1);
    // zero-byte clusters are written for real, as a guest writing zeros would (not left as holes in the file)
    const content = kind === Kind.zeroData ? Buffer.alloc(this.clusterSize) : clusterContent(this.seed, index, kind, this.clusterSize);
    if (kind === Kind.compressed || kind === Kind.tiny) {
      const packed = zlib.deflateRawSync(content, { windowBits: 12 });
      if (packed.length < this.clusterSize) return this.placeCompressed(index, packed);
    }
    const host = this.allocateCluster();
    writeFully(this.fd, content, 0, content.length, host);
    this.setEntry(index, host, kind === Kind.zeroAlloc ? 1 : 0, HI_COPIED);
  }

  /** Takes the next whole host cluster (refcount 1) and returns its offset. */
  allocateCluster(): number {
    const host = Math.ceil(this.cursor / this.clusterSize) * this.clusterSize;
    this.cursor = host + this.clusterSize;
    this.ref(host / this.clusterSize);
    return host;
  }

  ref(cluster: number): void {
    this.refcounts[cluster] = (this.refcounts[cluster] ?? 0) + 1;
  }

  /** Compressed data is packed byte by byte after the previous one, like qemu does. */
  private placeCompressed(index: number, packed: Buffer): void {
    const host = this.cursor;
    writeFully(this.fd, packed, 0, packed.length, host);
    this.cursor += packed.length;
    const extraSectors = Math.floor((host + packed.length - 1) / 512) - Math.floor(host / 512);
    const firstSector = Math.floor(host / 512) * 512;
    const end = firstSector + (extraSectors + 1) * 512; // qemu-img check counts whole sectors
    for (let c = Math.floor(firstSector / this.clusterSize); c * this.clusterSize < end; c++) this.ref(c);
    const shift = BigInt(62 - (this.clusterBits - 8));
    const entry = (1n << 62n) | (BigInt(extraSectors) << shift) | BigInt(host);
    this.l2.writeBigUInt64BE(entry, index * 8);
  }

  private setEntry(index: number, host: number, low: number, hiFlags = 0): void {
    this.l2.writeUInt32BE((Math.floor(host / 2 ** 32) | hiFlags) >>> 0, index * 8);
    this.l2.writeUInt32BE(((host >>> 0) | low) >>> 0, index * 8 + 4);
  }
}

