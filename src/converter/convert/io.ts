// Small synchronous file I/O helpers: full reads (zero-filling past the end of file, as qemu does) and full writes.
import fs from 'node:fs';

/** Reads `length` bytes at `position` into buf[offset..]; bytes past the end of the file read as zeros. */
export function readFully(fd: number, buf: Buffer, offset: number, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buf, offset + done, length - done, position + done);
    if (n === 0) {
      buf.fill(0, offset + done, offset + length);
      return;
    }
    done += n;
  }
}

/** Writes all of buf[offset..offset+length) at `position`. */
export function writeFully(fd: number, buf: Buffer, offset: number, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    done += fs.writeSync(fd, buf, offset + done, length - done, position + done);
  }
}

/** fsyncs a directory so that a rename or create inside it is durable. */
export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
