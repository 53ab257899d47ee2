// The order of explore's kill runs: the first occurrence of every point (in the order they were first
// seen), then the second of every point that occurred twice, and so on; the budget cuts the list.
import type { RecordedPoint } from './record.js';

/** Every (point, occurrence) to kill at, in order; `max` caps the occurrences per point. */
export function* killPlan<P extends Pick<RecordedPoint, 'occurrences'>>(points: readonly P[], max = Infinity): Generator<{ point: P; occurrence: number }> {
  const rounds = Math.min(max, Math.max(0, ...points.map((p) => p.occurrences)));
  for (let occurrence = 1; occurrence <= rounds; occurrence++) {
    for (const point of points) if (point.occurrences >= occurrence) yield { point, occurrence };
  }
}
