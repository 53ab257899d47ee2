// Inflates one compressed cluster exactly as qemu does: raw deflate, 4 KiB window, output must fill the cluster.
import zlib from 'node:zlib';
import { ImageError, hex } from '../errors.js';

/** Decompresses `input` into exactly `clusterSize` bytes, or throws ImageError. Memory is bounded by clusterSize. */
export function inflateCluster(input: Buffer, clusterSize: number, hostOffset: number): Buffer {
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(input, {
      windowBits: 12,
      maxOutputLength: clusterSize,
      finishFlush: zlib.constants.Z_SYNC_FLUSH, // a stream cut at a sector boundary is fine if the cluster is full
      chunkSize: Math.max(clusterSize, 64 * 1024),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ERR_BUFFER_TOO_LARGE' ? `inflates to more than the cluster size ${clusterSize}` : `is not valid deflate data (${(err as Error).message})`;
    throw new ImageError('compressed-data', `compressed cluster at ${hex(hostOffset)} ${why}`);
  }
  if (out.length !== clusterSize) {
    throw new ImageError('compressed-data', `compressed cluster at ${hex(hostOffset)} inflates to ${out.length} bytes, expected ${clusterSize}`);
  }
  return out;
}
