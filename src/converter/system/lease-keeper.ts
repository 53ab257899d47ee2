// Keeps one job's lease alive while it is being converted: refreshes every TTL/3 (in the store's lease table or
// in Redis), notices when it was taken away. A store or queue that is briefly down is retried at the next tick.
import { isUnavailable } from './unavailable.js';

/** Extends the lease; resolves false when this holder no longer has it. */
export type Refresh = () => Promise<boolean>;

export class LeaseKeeper {
  private lost = false;
  private inFlight = false;
  private readonly timer: NodeJS.Timeout | null;

  /** With refresh=false (planted bug lease-not-refreshed) the lease simply runs out after one TTL. */
  constructor(private readonly extend: Refresh, readonly jobId: string, readonly holder: string, ttlMs: number, refresh: boolean) {
    this.timer = refresh ? setInterval(() => void this.refresh(), Math.max(1, Math.floor(ttlMs / 3))) : null;
  }

  /** For ConvertOptions.shouldStop: a reason to stop once another worker owns the job. */
  readonly stopReason = (): string | null => (this.lost ? `lease on job ${this.jobId} was taken over by another worker` : null);

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      if (!(await this.extend())) this.lost = true;
    } catch (err) {
      if (!isUnavailable(err)) throw err; // unavailable: try again at the next tick, the lease still has 2/3 of its TTL
    } finally {
      this.inFlight = false;
    }
  }
}
