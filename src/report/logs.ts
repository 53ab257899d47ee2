// Log excerpts for the HTML report: the moments worth reading (each failure, each exit we did not cause)
// and the lines of <outDir>/logs/<instance>.log within a few seconds of each ("+12.345s out|err text").
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { History } from '../store/index.js';
import type { JudgedVerdict } from '../checks/index.js';
import { fmtT, type LogExcerpt, type LogLine } from './input.js';

/** Lines before and after a moment that make an excerpt. */
export const WINDOW_MS = 3000;
/** Most lines per excerpt (those nearest the moment are kept). */
export const MAX_LINES = 40;
/** Most excerpts per report. */
export const MAX_EXCERPTS = 16;

/** A moment worth reading the logs around; instances null = any instance that logged then. */
export interface Moment {
  title: string;
  atMs: number;
  instances: string[] | null;
}

// Parses a log; lines without a time (e.g. "--- generation 2: pid 716") take the time of the next timed line.
export function parseLog(text: string): (LogLine & { at: number })[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const parsed = lines.map((raw): LogLine => {
    const m = /^\+(\d+(?:\.\d+)?)s (\S+) ?(.*)$/.exec(raw);
    return m ? { t: Number(m[1]) * 1000, stream: m[2], text: m[3] } : { t: null, stream: '', text: raw };
  });
  let next = Infinity;
  const out: (LogLine & { at: number })[] = new Array(parsed.length);
  for (let i = parsed.length - 1; i >= 0; i--) {
    if (parsed[i].t !== null) next = parsed[i].t as number;
    out[i] = { ...parsed[i], at: next };
  }
  return out;
}

// The lines within WINDOW_MS of atMs, at most MAX_LINES of them (nearest the moment kept).
export function excerptLines(lines: readonly (LogLine & { at: number })[], atMs: number): { lines: LogLine[]; truncated: boolean } {
  const inside = lines.filter((l) => l.at >= atMs - WINDOW_MS && l.at <= atMs + WINDOW_MS);
  const before = inside.filter((l) => l.at <= atMs);
  const after = inside.filter((l) => l.at > atMs);
  const keepAfter = Math.min(after.length, Math.max(MAX_LINES - before.length, Math.floor(MAX_LINES / 3)));
  const keepBefore = Math.min(before.length, MAX_LINES - keepAfter);
  const kept = [...before.slice(before.length - keepBefore), ...after.slice(0, keepAfter)];
  return { lines: kept.map(({ t, stream, text }) => ({ t, stream, text })), truncated: kept.length < inside.length };
}

// The moments of a failed verdict: stalls, the first lost key, the first violation, the deadline, slow faults.
function failureMoments(v: JudgedVerdict): Moment[] {
  const e = v.evidence;
  const refs = (faults: { instance: string }[]): string[] | null => (faults.length > 0 ? [...new Set(faults.map((f) => f.instance))] : null);
  switch (e.kind) {
    case 'progress':
      return e.stalls.slice(0, 3).map((s) => ({ title: `${v.name}: no progress from ${fmtT(s.fromMs)} to ${fmtT(s.toMs)}`, atMs: s.fromMs, instances: refs(s.faults) }));
    case 'no_loss':
      return e.missing.slice(0, 1).map((m) => ({ title: `${v.name}: "${m.key}" acknowledged at ${fmtT(m.ackMs)}, then lost`, atMs: m.ackMs, instances: refs(m.faultsAfter) }));
    case 'consistency':
      return e.violations.slice(0, 1).map((x) => ({ title: `${v.name}: violation at ${fmtT(x.t)}`, atMs: x.t, instances: null }));
    case 'converge':
      return [{ title: `${v.name}: not ${e.condition} by ${fmtT(e.deadlineMs)}`, atMs: e.deadlineMs, instances: null }];
    case 'recovery':
      return e.perFault.filter((f) => f.ok === false).slice(0, 4)
        .map((f) => ({ title: `${v.name}: fault ${f.seq} on ${f.instance} not recovered in time (${f.issue})`, atMs: f.firedMs, instances: [f.instance] }));
    case 'wake_up':
      return e.pages.slice(0, 4).map((p) => ({ title: `${v.name}: page at ${fmtT(p.atMs)} (${p.cause.replace('_', ' ')})`, atMs: p.atMs, instances: p.instance === null ? refs(p.faultsBefore) : [p.instance] }));
    case 'crash':
      return [];
  }
}

// Every moment worth reading: exits we did not cause, then failures.
export function moments(history: History, verdicts: readonly JudgedVerdict[]): Moment[] {
  const exits = history.instances.filter((i) => i.cause === 'self' && i.endedMs !== null).map((i) => ({
    title: `${i.instance} (pid ${i.pid}) exited on its own (${i.signal ?? `code ${i.exitCode}`})`,
    atMs: i.endedMs as number,
    instances: [i.instance],
  }));
  return [...exits, ...verdicts.filter((v) => v.valid === false).flatMap(failureMoments)];
}

// Reads the log excerpts of a run from its logs folder (missing or unreadable logs give none).
export async function collectExcerpts(history: History, verdicts: readonly JudgedVerdict[], logsDir: string): Promise<LogExcerpt[]> {
  const cache = new Map<string, Promise<(LogLine & { at: number })[]>>();
  const logOf = (instance: string): Promise<(LogLine & { at: number })[]> => {
    if (!cache.has(instance)) {
      cache.set(instance, readFile(path.join(logsDir, `${path.basename(instance)}.log`), 'utf8').then(parseLog, () => []));
    }
    return cache.get(instance) as Promise<(LogLine & { at: number })[]>;
  };
  const all = [...new Set(history.instances.map((i) => i.instance))];
  const out: LogExcerpt[] = [];
  const seen = new Map<string, LogExcerpt>();
  for (const m of moments(history, verdicts)) {
    let added = 0;
    for (const instance of m.instances ?? all) {
      const { lines, truncated } = excerptLines(await logOf(instance), m.atMs);
      if (lines.length === 0 || added >= 4) continue;
      // the same lines around two moments are shown once, under both titles
      const key = `${instance}\n${lines.length}\n${lines[0].t}\n${lines[lines.length - 1].t}`;
      const same = seen.get(key);
      if (same) { same.title += ` · ${m.title}`; continue; }
      const excerpt = { title: m.title, instance, atMs: m.atMs, fromMs: Math.max(0, m.atMs - WINDOW_MS), toMs: m.atMs + WINDOW_MS, lines, truncated };
      seen.set(key, excerpt);
      out.push(excerpt);
      added++;
    }
    if (out.length >= MAX_EXCERPTS) break;
  }
  return out.slice(0, MAX_EXCERPTS);
}
