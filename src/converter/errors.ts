// Typed errors of the converter: ImageError means "this image is refused", UsageError means "bad command line".
// Anything else that escapes is a bug or an environment failure, and the process crashes on it.

/** The input image is malformed or uses a feature this converter refuses. `reason` is a stable short code. */
export class ImageError extends Error {
  readonly reason: string;
  constructor(reason: string, message: string) {
    super(message);
    this.name = 'ImageError';
    this.reason = reason;
  }
}

/** The command line is wrong; the message says what to type instead. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Formats a byte offset the way qemu tools do, e.g. 0x10000. */
export function hex(n: number | bigint): string {
  return '0x' + n.toString(16);
}
