// The run's own failures off its main path (the results database or a log cannot be written: a full disk).
// The first one stops the run like Ctrl-C would, and the run then ends as `error` with exit 4 and that one line.
import { HarnessError } from '../errors.js';

/** Collects the first harness failure and aborts `signal` on it (or when the caller's signal aborts). */
export class HarnessFailure {
  private readonly controller = new AbortController();
  private first?: HarnessError;
  /** aborted by the caller (Ctrl-C) or by a failure */
  readonly signal: AbortSignal;

  constructor(outer?: AbortSignal) {
    this.signal = outer ? AbortSignal.any([outer, this.controller.signal]) : this.controller.signal;
  }

  /** The first failure reported, if any. */
  get error(): HarnessError | undefined {
    return this.first;
  }

  /** Reports a failure; only the first one is kept, and it stops the run. */
  readonly fail = (error: Error): void => {
    if (this.first) return;
    this.first = new HarnessError(`${error.message}; the run was stopped`);
    this.controller.abort();
  };
}
