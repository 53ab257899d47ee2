// Bytes of one guest cluster of a generated image, a pure function of (seed, cluster index, kind).
import { streamBytes } from './prng.js';
import { Kind, type KindValue } from './plan.js';

const GRAIN = 4096;

export function clusterContent(seed: number, index: number, kind: KindValue, clusterSize: number): Buffer {
  const bytes = streamBytes(seed, index, clusterSize);
  switch (kind) {
    case Kind.text:
    case Kind.compressed:
      return toText(bytes);
    case Kind.sparse:
      return zeroSomeGrains(bytes);
    case Kind.tiny:
      return tiny(bytes);
    default:
      return bytes; // random, and the garbage behind zero-flagged allocated clusters
  }
}

/** Maps bytes to 16 letters: about 4 bits of entropy per byte, so deflate roughly halves it. */
function toText(bytes: Buffer): Buffer {
  for (let i = 0; i < bytes.length; i++) bytes[i] = 0x61 + (bytes[i] & 15);
  return bytes;
}

/** Zeroes about a third of the 4 KiB grains (or the first half of a small cluster). */
function zeroSomeGrains(bytes: Buffer): Buffer {
  if (bytes.length <= GRAIN) {
    if (bytes[0] < 128) bytes.fill(0, 0, bytes.length / 2);
    return bytes;
  }
  for (let at = 0; at < bytes.length; at += GRAIN) {
    if (bytes[at] < 96) bytes.fill(0, at, at + GRAIN);
  }
  return bytes;
}

/** All zeros except 8 random bytes at a random place: deflates to a handful of bytes. */
function tiny(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length);
  const at = bytes.readUInt32LE(0) % (bytes.length - 8);
  bytes.copy(out, at, 8, 16);
  return out;
}
