// One instance's log file, bounded: past half the size limit the file is rotated once to <file>.1 (so the
// last half to whole limit is kept), lines are dropped while the disk lags too far behind, and a write error
// (a full disk) is reported once instead of crashing crashtest with an unhandled 'error' event.
import { createWriteStream, openSync, renameSync, type WriteStream } from 'node:fs';
import path from 'node:path';

/** Bounds of one instance's log. */
export interface LogLimits {
  /** bytes kept per instance, across <file> and <file>.1 (default 64 MiB) */
  fileBytes: number;
  /** bytes waiting to be written before new lines are dropped (default 8 MiB) */
  pendingBytes: number;
}

export const DEFAULT_LOG_LIMITS: LogLimits = { fileBytes: 64 * 1024 * 1024, pendingBytes: 8 * 1024 * 1024 };

export interface LogEvents {
  /** the log cannot be written (ENOSPC, EIO...): the run cannot keep its record */
  onFailure: (error: Error) => void;
  /** something the report should say about this log (rotated, lines dropped) */
  onNote: (message: string) => void;
}

/** The part of a log the output pipes use. */
export interface LogSink {
  write(text: string): void;
  readonly writableEnded: boolean;
}

/** A log file with a size bound and error handling; write whole lines. */
export class BoundedLog implements LogSink {
  private stream: WriteStream;
  private bytes = 0;
  private rotated = false;
  private dropped = 0;
  private failed = false;
  private ended = false;

  constructor(private readonly file: string, private readonly events: LogEvents, private readonly limits: LogLimits = DEFAULT_LOG_LIMITS) {
    this.stream = this.open('a');
  }

  get writableEnded(): boolean {
    return this.ended;
  }

  write(text: string): void {
    if (this.ended || this.failed) return;
    if (this.stream.writableLength > this.limits.pendingBytes) {
      if (this.dropped++ === 0) this.events.onNote(`logs/${path.basename(this.file)}: the disk fell behind the output; lines dropped until it caught up`);
      return;
    }
    const size = Buffer.byteLength(text);
    if (this.bytes + size > this.limits.fileBytes / 2) this.rotate();
    this.bytes += size;
    this.stream.write(text);
  }

  /** Flushes and closes the file; `done` is called once it is closed (or failed). */
  end(done: () => void): void {
    this.ended = true;
    if (this.dropped > 0) this.stream.write(`--- crashtest dropped ${this.dropped} lines: the disk fell behind\n`);
    if (this.failed || this.stream.destroyed) done();
    else {
      // A write that fails while flushing (a full disk) is reported before done, not on a later tick.
      this.stream.end((error?: Error | null) => {
        if (error) this.failWith(error as NodeJS.ErrnoException);
        done();
      });
    }
  }

  // Keeps the newest output: the current file becomes <file>.1 (replacing an older one), a new one starts.
  private rotate(): void {
    this.stream.end();
    try {
      renameSync(this.file, `${this.file}.1`); // the old stream keeps writing its last bytes into the renamed file
    } catch (error) {
      this.failed = true;
      this.events.onFailure(new Error(`cannot rotate the log ${this.file}: ${(error as Error).message}`));
      return;
    }
    if (!this.rotated) {
      this.rotated = true;
      const name = path.basename(this.file);
      this.events.onNote(`logs/${name} rotated at ${formatMiB(this.limits.fileBytes / 2)}: earlier output in ${name}.1, older output discarded`);
    }
    this.stream = this.open('w');
    this.bytes = 0;
  }

  // Opened synchronously, so the file exists at once (a rotation may rename it before an async open would finish).
  private open(flags: string): WriteStream {
    let stream: WriteStream;
    try {
      stream = createWriteStream(this.file, { fd: openSync(this.file, flags) });
    } catch (error) {
      stream = createWriteStream('/dev/null');
      this.failWith(error as NodeJS.ErrnoException);
    }
    stream.on('error', (error: NodeJS.ErrnoException) => this.failWith(error));
    return stream;
  }

  private failWith(error: NodeJS.ErrnoException): void {
    if (this.failed) return;
    this.failed = true;
    const why = error.code === 'ENOSPC' ? 'no space left on device' : error.message;
    this.events.onFailure(new Error(`cannot write the log ${this.file}: ${why} (${error.code ?? 'error'})`));
  }
}

function formatMiB(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MiB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
}
