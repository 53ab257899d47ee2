// Where converted guest data goes: a sparse raw file, a digest, or both. Only non-zero data is ever handed over.
import fs from 'node:fs';
import { ImageError } from '../errors.js';
import { writeFully } from './io.js';
import { SparseDigest } from './digest.js';

export interface Sink {
  /** Called once, before any data, with the virtual size of the image. */
  begin(virtualSize: number): void;
  /** Non-zero guest bytes at `guestOffset`; calls arrive in increasing guest order. */
  data(buf: Buffer, offset: number, length: number, guestOffset: number): void;
}

/** Writes a sparse raw file: sized up front with ftruncate (all holes), then only non-zero data is written. */
export class RawFileSink implements Sink {
  constructor(private readonly fd: number) {}
  begin(virtualSize: number): void {
    try {
      fs.ftruncateSync(this.fd, virtualSize);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EFBIG' && (err as NodeJS.ErrnoException).code !== 'EINVAL') throw err;
      throw new ImageError('virtual-size', `virtual size ${virtualSize} bytes is too large for the output file system`);
    }
  }
  data(buf: Buffer, offset: number, length: number, guestOffset: number): void {
    writeFully(this.fd, buf, offset, length, guestOffset);
  }
}

/** Computes the sparse digest of what flows through, and forwards it to `inner` if given. */
export class DigestSink implements Sink {
  private readonly digest = new SparseDigest();
  private size = 0;
  constructor(private readonly inner?: Sink) {}
  begin(virtualSize: number): void {
    this.size = virtualSize;
    this.inner?.begin(virtualSize);
  }
  data(buf: Buffer, offset: number, length: number, guestOffset: number): void {
    this.digest.update(buf, offset, length, guestOffset);
    this.inner?.data(buf, offset, length, guestOffset);
  }
  finish(): string {
    return this.digest.finish(this.size);
  }
}
