// Deterministic randomness for make-image: a small seeded PRNG for decisions, AES-CTR for bulk bytes.
import crypto from 'node:crypto';

/** sfc32-style generator seeded through a string hash; good enough for test data, never for secrets. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const h = crypto.createHash('sha256').update(`prng:${seed}`).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12);
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}

/** `length` pseudo-random bytes determined by (seed, stream): AES-128-CTR over zeros. */
export function streamBytes(seed: number, stream: number, length: number): Buffer {
  const key = crypto.createHash('sha256').update(`bytes:${seed}`).digest().subarray(0, 16);
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(Math.floor(stream / 4294967296), 0);
  iv.writeUInt32BE(stream >>> 0, 4);
  const cipher = crypto.createCipheriv('aes-128-ctr', key, iv);
  return cipher.update(Buffer.alloc(length));
}
