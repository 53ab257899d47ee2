// Keeps one job's lease alive while it is being converted: refreshes every TTL/3, notices when it was taken away.
import type { Db } from './db.js';
import { isBusy } from './db.js';
import { refreshLease } from './leases.js';

export class LeaseKeeper {
  private lost = false;
  private readonly timer: NodeJS.Timeout | null;

  /** With refresh=false (planted bug lease-not-refreshed) the lease simply runs out after one TTL. */
  constructor(private readonly db: Db, readonly jobId: string, readonly holder: string, private readonly ttlMs: number, refresh: boolean) {
    this.timer = refresh ? setInterval(() => this.refresh(), Math.max(1, Math.floor(ttlMs / 3))) : null;
  }

  /** For ConvertOptions.shouldStop: a reason to stop once another worker owns the job. */
  readonly stopReason = (): string | null => (this.lost ? `lease on job ${this.jobId} was taken over by another worker` : null);

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private refresh(): void {
    try {
      if (!refreshLease(this.db, this.jobId, this.holder, this.ttlMs)) this.lost = true;
    } catch (err) {
      if (!isBusy(err)) throw err; // busy: try again at the next tick, the lease still has 2/3 of its TTL
    }
  }
}
