// One line that says what a scenario's chaos does, for the run header and `crashtest validate`.
import { formatDuration } from './duration.js';
import type { ChaosSpec } from './schema.js';

/** e.g. "a fault every 10 s (kill, pause 6 s), armed for a persistence call (nth 21-37), 1 trigger". */
export function describeChaos(chaos: ChaosSpec, intervalMs = chaos.interval): string {
  const entries: { kind: string; at?: string; duration?: number }[] = chaos.faults ?? [{ kind: 'kill' }];
  const kinds = entries.map((f) => (f.kind === 'pause' ? `pause ${formatDuration(f.duration ?? 7_000)}` : f.kind)).join(', ');
  const armed = chaos.at === 'persistence' || entries.some((f) => f.at === 'persistence');
  const nth = chaos.nth.from === chaos.nth.to ? (chaos.nth.from > 1 ? ` (call #${chaos.nth.from})` : '') : ` (nth ${chaos.nth.from}-${chaos.nth.to})`;
  const triggers = chaos.triggers.length ? `, ${chaos.triggers.length} trigger${chaos.triggers.length > 1 ? 's' : ''}` : '';
  const what = entries.length === 1 && entries[0].kind === 'kill' ? 'a kill' : `a fault (${kinds})`;
  return `${what} every ${formatDuration(intervalMs)}${armed ? `, armed for a persistence call${nth}` : ''}${triggers}`;
}
