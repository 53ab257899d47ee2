// Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at
// rank ceil(p/100 · n) (1-based), so it is always one of the observed values; p=0 gives the minimum.

/** count, p50, p99 and max of a list of durations (ms); null percentiles when the list is empty. */
export interface Distribution {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

// The p-th percentile (0 <= p <= 100) by nearest rank, or null for an empty list.
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be within 0..100, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

// count, p50, p99 and max of a list of values (nearest rank).
export function distribution(values: readonly number[]): Distribution {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: percentile(values, 100),
  };
}
