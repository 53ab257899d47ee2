// Converts an open qcow2 image into a Sink, in guest order, yielding to the event loop between chunks.
import { extents, type Qcow2Image } from '../qcow2/reader.js';
import { inflateCluster } from '../qcow2/decompress.js';
import { readFully } from './io.js';
import type { Sink } from './sink.js';

const CHUNK = 2 * 1024 * 1024; // bytes read per syscall from contiguous data runs
const ZERO_GRAIN = 4096; // zero detection granularity, same as qemu-img's default -S 4k
const ZERO_BLOCK = 64 * 1024; // a first, coarser check so that long zero runs cost few comparisons
const ZEROS = Buffer.alloc(ZERO_BLOCK);
const YIELD_AFTER_MS = 20;

export interface ConvertOptions {
  /** Checked between chunks; return a reason string to stop the conversion (it then throws ConversionStopped). */
  shouldStop?: () => string | null;
}

export class ConversionStopped extends Error {
  constructor(reason: string) {
    super(`conversion stopped: ${reason}`);
    this.name = 'ConversionStopped';
  }
}

/** Streams the whole virtual disk of `image` into `sink`. Throws ImageError on malformed content. */
export async function convert(image: Qcow2Image, sink: Sink, options: ConvertOptions = {}): Promise<void> {
  const buf = Buffer.allocUnsafe(Math.max(CHUNK, image.header.clusterSize));
  let lastYield = Date.now();
  sink.begin(image.header.virtualSize);
  for (const extent of extents(image)) {
    if (extent.kind === 'data') {
      for (let done = 0; done < extent.length; done += CHUNK) {
        const n = Math.min(CHUNK, extent.length - done);
        readFully(image.fd, buf, 0, n, extent.hostOffset + done);
        emitNonZero(sink, buf, n, extent.guestOffset + done);
        lastYield = await maybeYield(lastYield, options);
      }
    } else if (extent.kind === 'compressed') {
      const input = Buffer.alloc(extent.compressedSize);
      readFully(image.fd, input, 0, input.length, extent.hostOffset);
      const cluster = inflateCluster(input, image.header.clusterSize, extent.hostOffset);
      emitNonZero(sink, cluster, extent.length, extent.guestOffset);
      lastYield = await maybeYield(lastYield, options);
    }
  }
}

/** Hands buf[0..length) to the sink, skipping 4 KiB grains that are all zeros (checked 64 KiB at a time first). */
function emitNonZero(sink: Sink, buf: Buffer, length: number, guestOffset: number): void {
  let runStart = -1;
  const flush = (end: number) => {
    if (runStart >= 0) sink.data(buf, runStart, end - runStart, guestOffset + runStart);
    runStart = -1;
  };
  for (let block = 0; block < length; block += ZERO_BLOCK) {
    const blockEnd = Math.min(block + ZERO_BLOCK, length);
    if (isZero(buf, block, blockEnd)) {
      flush(block);
      continue;
    }
    for (let at = block; at < blockEnd; at += ZERO_GRAIN) {
      const zero = isZero(buf, at, Math.min(at + ZERO_GRAIN, blockEnd));
      if (zero) flush(at);
      else if (runStart < 0) runStart = at;
    }
  }
  flush(length);
}

function isZero(buf: Buffer, start: number, end: number): boolean {
  return buf.subarray(start, end).equals(ZEROS.subarray(0, end - start));
}

async function maybeYield(lastYield: number, options: ConvertOptions): Promise<number> {
  const now = Date.now();
  if (now - lastYield < YIELD_AFTER_MS) return lastYield;
  await new Promise<void>((resolve) => setImmediate(resolve));
  const reason = options.shouldStop?.();
  if (reason) throw new ConversionStopped(reason);
  return Date.now();
}
