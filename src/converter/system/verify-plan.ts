// Which done outputs one check reads: all of them (a full check), or those done or changed since the last check
// plus the next `sample` old ones in a fixed rotation, so every old output is re-read once every ceil(old/sample) checks.
import type { Job } from './jobs.js';
import type { VerifyState } from './verify-state.js';

export interface Plan {
  /** done jobs whose output this check reads */
  read: Job[];
  /** where the rotation stops this time (the state's next cursor) */
  cursor: string;
}

/** Chooses the outputs to read; `sample` = how many already-verified outputs are re-read per incremental check. */
export function planReads(done: readonly Job[], state: VerifyState, o: { full: boolean; sample: number }): Plan {
  if (o.full) return { read: [...done], cursor: state.cursor };
  const fresh = done.filter((j) => state.verified[j.id] === undefined || state.verified[j.id] !== j.checksum);
  const old = done.filter((j) => state.verified[j.id] !== undefined && state.verified[j.id] === j.checksum)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const count = Math.min(o.sample, old.length);
  if (count === 0) return { read: fresh, cursor: state.cursor };
  // Ids after the cursor first, then from the start: an id done later lands in its place in the next round.
  let start = old.findIndex((j) => j.id > state.cursor);
  if (start < 0) start = 0;
  const sampled = Array.from({ length: count }, (_, i) => old[(start + i) % old.length]);
  return { read: [...fresh, ...sampled], cursor: sampled[count - 1].id };
}
