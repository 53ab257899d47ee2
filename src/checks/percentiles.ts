// Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at
// rank ceil(p/100 · n) (1-based), so it is always one of the observed values; p=0 gives the minimum.
import type { Distribution } from './evidence.js';

// The p-th percentile (0 <= p <= 100) of values already sorted ascending, or null for an empty list;
// for picking several percentiles of one long list without sorting it again each time.
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be within 0..100, got ${p}`);
  if (sorted.length === 0) return null;
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

// The values sorted ascending, as numbers (a copy; the input is left alone).
export function sortedValues(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

// The p-th percentile (0 <= p <= 100) by nearest rank, or null for an empty list.
export function percentile(values: readonly number[], p: number): number | null {
  return nearestRank(sortedValues(values), p);
}

// count, p50, p99 and max of a list of values (nearest rank).
export function distribution(values: readonly number[]): Distribution {
  const sorted = sortedValues(values);
  return { count: values.length, p50: nearestRank(sorted, 50), p99: nearestRank(sorted, 99), max: nearestRank(sorted, 100) };
}
