// The faults a stored run planned, as faults-file entries: what `crashtest shrink` starts from and
// what explore writes for each failing point, so `crashtest run --faults FILE` replays them.
import { stringify } from 'yaml';
import type { PlannedFaultRecord, RunEvent } from '../store/index.js';
import type { FaultEntryInput } from './schema.js';

/** The planned faults of a run's events, with times from the load's start; [] when it planned none. */
export function faultsOfRun(events: readonly RunEvent[], startAfterMs = 0): FaultEntryInput[] {
  const planned = events.find((e): e is Extract<RunEvent, { type: 'chaos.planned' }> => e.type === 'chaos.planned');
  const window = events.find((e): e is Extract<RunEvent, { type: 'run.window' }> => e.type === 'run.window');
  const loadStartMs = window ? window.chaosStartMs - startAfterMs : 0;
  return (planned?.faults ?? []).map((f) => entryOf(f, loadStartMs));
}

/** One planned fault as an entry of a faults file. */
export function entryOf(f: PlannedFaultRecord, loadStartMs: number): FaultEntryInput {
  const at = `${Math.max(0, Math.round(f.atMs - loadStartMs))}ms`;
  const kind = f.kind as FaultEntryInput['kind'];
  if (f.point) return { at, target: f.component, kind: 'kill', point: { ...f.point } };
  return {
    at, target: f.instance, kind,
    ...(f.kind === 'pause' && f.durationMs !== undefined ? { duration: `${f.durationMs}ms` } : {}),
    ...(f.at === 'persistence' ? { armed: { nth: f.nth ?? 1 } } : {}),
  };
}

/** The text of a faults file: a comment saying where it came from, then the list, one fault a line. */
export function faultsFileText(entries: readonly FaultEntryInput[], comment: string): string {
  const lines = entries.map((entry) => `  - ${stringify(entry, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`);
  return `${comment.split('\n').map((l) => `# ${l}`).join('\n')}\nfaults:\n${lines.join('\n')}${lines.length === 0 ? ' []' : ''}\n`.replace('faults:\n []', 'faults: []');
}
