// "Sparse SHA-1" of a raw disk image: SHA-1 over (index, bytes) of every non-zero 64 KiB block, then the size.
// Holes cost nothing to digest, so it can be computed while writing a sparse file and recomputed from the file.
import crypto from 'node:crypto';

export const DIGEST_BLOCK = 64 * 1024;
const ZERO_BLOCK = Buffer.alloc(DIGEST_BLOCK);

export class SparseDigest {
  private readonly hash = crypto.createHash('sha1');
  private readonly block = Buffer.alloc(DIGEST_BLOCK);
  private current = -1; // index of the block being assembled in `block`, -1 when none

  /** Feeds bytes at `position`; calls must come in increasing, non-overlapping position order. Zeros may be omitted. */
  update(buf: Buffer, offset: number, length: number, position: number): void {
    let at = 0;
    while (at < length) {
      const pos = position + at;
      const index = Math.floor(pos / DIGEST_BLOCK);
      const inBlock = pos - index * DIGEST_BLOCK;
      const n = Math.min(length - at, DIGEST_BLOCK - inBlock);
      if (index !== this.current) this.flush();
      if (n === DIGEST_BLOCK) {
        this.hashBlock(index, buf.subarray(offset + at, offset + at + n));
      } else {
        this.current = index;
        buf.copy(this.block, inBlock, offset + at, offset + at + n);
      }
      at += n;
    }
  }

  /** Finishes with the total size of the image; returns the hex digest. */
  finish(size: number): string {
    this.flush();
    const tail = Buffer.alloc(8);
    tail.writeBigUInt64BE(BigInt(size));
    return this.hash.update(tail).digest('hex');
  }

  private flush(): void {
    if (this.current < 0) return;
    this.hashBlock(this.current, this.block);
    this.block.fill(0);
    this.current = -1;
  }

  private hashBlock(index: number, bytes: Buffer): void {
    if (bytes.equals(ZERO_BLOCK)) return;
    const head = Buffer.alloc(8);
    head.writeBigUInt64BE(BigInt(index));
    this.hash.update(head).update(bytes);
  }
}
