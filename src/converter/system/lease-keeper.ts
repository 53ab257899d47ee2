// Keeps one job's lease alive while it is being converted: refreshes every TTL/3 (in the store's lease table or
// in Redis), notices when it was taken away. A store or queue that is briefly down is retried at the next tick.
import { isUnavailable } from './unavailable.js';

/** Extends the lease; resolves false when this holder no longer has it. */
export type Refresh = () => Promise<boolean>;

/** Which lease a LeaseKeeper keeps, and how (the two planted bugs that weaken it). */
export interface LeaseOptions {
  jobId: string;
  holder: string;
  /** The job's attempts count right after this holder took it: what its commit must still find. */
  attempt: number;
  ttlMs: number;
  /** false only under the planted bug lease-not-refreshed: the lease simply runs out after one TTL. */
  refresh: boolean;
  /** false only under the planted bug no-fencing: a lost lease neither stops the conversion nor the commit. */
  fenced: boolean;
}

/** One job's lease while its worker converts it: refreshed in the background, and whether it was lost. */
export class LeaseKeeper {
  readonly jobId: string;
  readonly holder: string;
  readonly attempt: number;
  readonly fenced: boolean;
  private lost = false;
  private inFlight = false;
  private readonly timer: NodeJS.Timeout | null;

  constructor(private readonly extend: Refresh, o: LeaseOptions) {
    this.jobId = o.jobId;
    this.holder = o.holder;
    this.attempt = o.attempt;
    this.fenced = o.fenced;
    this.timer = o.refresh ? setInterval(() => void this.refresh(), Math.max(1, Math.floor(o.ttlMs / 3))) : null;
  }

  /** For ConvertOptions.shouldStop: a reason to stop once another worker owns the job. */
  readonly stopReason = (): string | null =>
    // PLANTED BUG no-fencing (fenced false): carries on as if the lease were still its own.
    (this.lost && this.fenced ? `lease on job ${this.jobId} was taken over by another worker` : null);

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
