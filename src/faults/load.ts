// Reads a faults file (YAML or JSON) and turns it into the schedule a run plays, checking every entry
// against the scenario's instances; every problem is reported at its file:line:col (exit 2).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { PlannedFault } from '../chaos/index.js';
import { ScenarioError } from '../errors.js';
import { locate, matchTargets, type LoadedScenario } from '../scenario/index.js';
import { faultsFileSchema, type FaultEntry } from './schema.js';

/** How long a pause lasts when the entry does not say (as in a scenario's fault mix). */
const DEFAULT_PAUSE_MS = 7_000;

/** Loads `file` and checks it against the scenario's components; ScenarioError (exit 2) with every problem located. */
export function loadFaults(file: string, loaded: LoadedScenario): PlannedFault[] {
  const shown = path.relative(process.cwd(), path.resolve(file)) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(`${shown}: cannot read the faults file (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const at = lines.linePos(doc.errors[0].pos[0]);
    throw new ScenarioError(`${shown}:${at.line}:${at.col} ${doc.errors[0].message.split('\n')[0]}`);
  }
  const where = (at: readonly (string | number)[], key?: string): string => {
    const { line, col } = locate(doc as Document, lines, at, key);
    return `${shown}:${line}:${col} ${[...at, ...(key ? [key] : [])].join('.')}`;
  };
  const parsed = faultsFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw problems(shown, parsed.error.issues.map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      return keys.length > 0 ? keys.map((k) => `${where(issue.path as (string | number)[], k)}: unknown key`).join('\n') : `${where(issue.path as (string | number)[])}: ${issue.message}`;
    }));
  }
  const found = parsed.data.faults.map((entry, i) => toPlanned(entry, i, loaded, (key) => where(['faults', i], key)));
  const bad = found.flatMap((f) => (typeof f === 'string' ? [f] : []));
  if (bad.length > 0) throw problems(shown, bad);
  return (found as PlannedFault[]).sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
}

function problems(shown: string, list: string[]): ScenarioError {
  return list.length === 1 ? new ScenarioError(list[0]) : new ScenarioError(`${shown}: ${list.length} problems in the faults file`, list.join('\n'));
}

// One entry → one planned fault, or the located problem with it.
function toPlanned(entry: FaultEntry, i: number, loaded: LoadedScenario, where: (key: string) => string): PlannedFault | string {
  const components = loaded.scenario.components;
  const instances = matchTargets(components, [entry.target]);
  const known = matchTargets(components, undefined).join(', ');
  if (instances.length === 0) return `${where('target')}: "${entry.target}" is no killable instance or component of ${loaded.shown} (${known})`;
  const why = 'from a faults file';
  if (entry.point) {
    if (entry.kind !== 'kill') return `${where('point')}: a point is only for kind: kill, got ${entry.kind}`;
    const point = { ...entry.point, among: instances };
    return { seq: i + 1, atMs: entry.at, target: entry.target, fault: { kind: 'kill', at: 'persistence', point }, why };
  }
  if (instances.length !== 1) return `${where('target')}: "${entry.target}" names ${instances.length} instances (${instances.join(', ')}); name one, e.g. ${instances[0]}`;
  const target = instances[0];
  const at = entry.armed ? 'persistence' as const : 'now' as const;
  const nth = entry.armed ? { nth: entry.armed.nth } : {};
  if (entry.kind === 'pause') return { seq: i + 1, atMs: entry.at, target, fault: { kind: 'pause', durationMs: entry.duration ?? DEFAULT_PAUSE_MS, at, ...nth }, why };
  if (entry.kind === 'power-loss') return { seq: i + 1, atMs: entry.at, target, fault: { kind: 'power-loss' }, why };
  return { seq: i + 1, atMs: entry.at, target, fault: { kind: 'kill', at, ...nth }, why };
}
