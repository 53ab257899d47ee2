// File-level operations: convert a qcow2 file to a raw file, digest an image without writing, digest a raw file.
import fs from 'node:fs';
import { promisify } from 'node:util';
import { openImage, closeImage } from '../qcow2/reader.js';
import { convert, type ConvertOptions } from './convert.js';
import { DigestSink, RawFileSink } from './sink.js';
import { SparseDigest } from './digest.js';
import { readFully } from './io.js';

const fsyncAsync = promisify(fs.fsync);

export interface ConvertFileOptions extends ConvertOptions {
  /** fsync the output before returning (the worker needs it; a one-off CLI conversion does not). */
  fsync?: boolean;
  /** Compute the sparse digest of the output while writing it (default true). */
  digest?: boolean;
}

/** Converts `src` (qcow2) to `dst` (sparse raw); returns the output's sparse digest ('' with digest: false). Removes `dst` on failure. */
export async function convertFile(src: string, dst: string, options: ConvertFileOptions = {}): Promise<string> {
  const image = openImage(src);
  let out: number | null = null;
  try {
    out = fs.openSync(dst, 'w');
    const file = new RawFileSink(out);
    const sink = options.digest === false ? null : new DigestSink(file);
    await convert(image, sink ?? file, options);
    if (options.fsync) await fsyncAsync(out); // off the event loop, so the worker's lease refresh keeps ticking
    return sink ? sink.finish() : '';
  } catch (err) {
    if (out !== null) fs.rmSync(dst, { force: true });
    throw err;
  } finally {
    if (out !== null) fs.closeSync(out);
    closeImage(image);
  }
}

/** The digest the output of converting `src` would have, computed without writing anything. */
export async function digestImage(src: string, options: ConvertOptions = {}): Promise<string> {
  const image = openImage(src);
  try {
    const sink = new DigestSink();
    await convert(image, sink, options);
    return sink.finish();
  } finally {
    closeImage(image);
  }
}

/** The sparse digest of a raw file as it is on disk. */
export function digestRawFile(path: string): string {
  const fd = fs.openSync(path, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const digest = new SparseDigest();
    const buf = Buffer.allocUnsafe(8 * 1024 * 1024);
    for (let at = 0; at < size; at += buf.length) {
      const n = Math.min(buf.length, size - at);
      readFully(fd, buf, 0, n, at);
      digest.update(buf, 0, n, at);
    }
    return digest.finish(size);
  } finally {
    fs.closeSync(fd);
  }
}
