// Delta debugging (Zeller's ddmin) over a fault list: drop halves, then smaller chunks, down to single
// faults, keeping any part that still fails. Pure apart from `fails`, so it is tested with literal lists.

/** Asks whether a candidate list still fails; may run the system several times. */
export type FailsTest<T> = (candidate: readonly T[]) => Promise<boolean>;

/** The smallest failing list ddmin reaches from `items` (which must fail): no single item of it can be dropped. */
export async function ddmin<T>(items: readonly T[], fails: FailsTest<T>, budgetLeft: () => boolean = () => true): Promise<T[]> {
  let current = [...items];
  if (current.length > 0 && budgetLeft() && (await fails([]))) return [];
  let chunks = 2;
  while (current.length >= 2 && budgetLeft()) {
    const parts = split(current, Math.min(chunks, current.length));
    const subset = await firstFailing(parts, fails, budgetLeft);
    if (subset) {
      current = subset;
      chunks = 2;
      continue;
    }
    const complements = parts.length > 2 ? parts.map((_, i) => parts.filter((__, j) => j !== i).flat()) : [];
    const complement = await firstFailing(complements, fails, budgetLeft);
    if (complement) {
      current = complement;
      chunks = Math.max(chunks - 1, 2);
      continue;
    }
    if (chunks >= current.length) break;
    chunks = Math.min(chunks * 2, current.length);
  }
  return current;
}

async function firstFailing<T>(candidates: T[][], fails: FailsTest<T>, budgetLeft: () => boolean): Promise<T[] | undefined> {
  for (const candidate of candidates) {
    if (!budgetLeft()) return undefined;
    if (await fails(candidate)) return candidate;
  }
  return undefined;
}

/** `items` in `n` contiguous parts of nearly equal size. */
export function split<T>(items: readonly T[], n: number): T[][] {
  const parts: T[][] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = start + Math.floor((items.length - start) / (n - i));
    parts.push(items.slice(start, end));
    start = end;
  }
  return parts.filter((p) => p.length > 0);
}
