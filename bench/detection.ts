// Detection: does the main scenario, at its own pace, catch each planted bug, and pass the correct system?
// Each bug (and the correct system) × fault mode × N seeds is a real run of the CLI; reported: catch rate,
// median time to the first violation, false positives. Also the throughput cost of armed kills.
//   npm run bench -- detection [seeds=10] [parallel=2] [modes=random,main,power] [bugs=all, comma-separated, "correct" for none]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { median, table } from './stats.js';

/** A way of hurting the system: the scenario's own faults, or a variant given as extra CLI arguments. */
interface Mode {
  name: string;
  scenario: string;
  args: string[];
}

const MAIN = 'scenarios/converter.yml';
const MODES: (Mode & { key: string })[] = [
  { key: 'random', name: 'random kill (kills at random instants)', scenario: 'bench/converter-random.yml', args: [] },
  { key: 'main', name: 'converter.yml (armed kill + armed pause)', scenario: MAIN, args: [] },
];
const POWER: Mode = { name: 'converter-power.yml (power loss + kill)', scenario: 'scenarios/converter-power.yml', args: [] };

/** Which bugs each mode is run with; the empty name is the correct system. */
const BUGS = ['', 'ack-before-commit', 'no-lease-expiry', 'non-atomic-write', 'done-before-output-durable', 'no-fencing', 'lease-not-refreshed'];
const POWER_BUGS = ['', 'no-fsync'];

interface Outcome {
  exit: number | null;
  /** the invariants that did not pass */
  failed: string[];
  /** run-relative ms of the first violating evidence, when a check failed */
  firstViolationMs: number | null;
  jobsDone: number;
}

function runOnce(mode: Mode, bug: string, seed: number): Promise<Outcome> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crashtest-detect-'));
  const db = path.join(dir, 'results.db');
  const args = ['bin/crashtest.js', 'run', mode.scenario, '--seed', String(seed), '--db', db, '--out', dir, ...mode.args,
    ...(bug ? ['--env', `CONVERTER_BUG=${bug}`] : [])];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, NO_COLOR: '1' }, timeout: 5 * 60_000 }, (error) => {
      const exit = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      const outcome = { exit, ...readOutcome(db) };
      rmSync(dir, { recursive: true, force: true });
      resolve(outcome);
    });
  });
}

// The earliest moment a failed verdict points at (its evidence's times), and the final done count.
function readOutcome(file: string): Omit<Outcome, 'exit'> {
  try {
    const db = new Database(file, { readonly: true });
    const failed = db.prepare(`SELECT name, evidence FROM verdicts WHERE valid = 'false'`).all() as { name: string; evidence: string }[];
    const notPassed = (db.prepare(`SELECT name FROM verdicts WHERE valid <> 'true'`).all() as { name: string }[]).map((r) => r.name);
    const times = failed.flatMap((v) => [...v.evidence.matchAll(/"(?:t|atMs|fromMs|ackMs|firstMs|sinceMs)":(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1])));
    const done = db.prepare(`SELECT value FROM probe_samples WHERE probe = 'done' AND value IS NOT NULL ORDER BY t_ms DESC LIMIT 1`).get() as { value: number } | undefined;
    db.close();
    return { failed: notPassed, firstViolationMs: times.length ? Math.min(...times) : null, jobsDone: done?.value ?? 0 };
  } catch {
    return { failed: [], firstViolationMs: null, jobsDone: 0 };
  }
}

async function pool<T>(tasks: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

/** Runs the matrix and returns the Markdown section. */
export async function benchDetection(seeds = Number(process.argv[3] ?? 10), parallel = Number(process.argv[4] ?? 2),
  modes = (process.argv[5] ?? 'random,main,power').split(','), only = process.argv[6]?.split(',')): Promise<string> {
  const wanted = (bug: string): boolean => !only || only.includes(bug || 'correct');
  const cells = [
    ...MODES.filter((mode) => modes.includes(mode.key)).flatMap((mode) => BUGS.filter(wanted).map((bug) => ({ mode, bug }))),
    ...(process.getuid?.() === 0 && modes.includes('power') ? POWER_BUGS.filter(wanted).map((bug) => ({ mode: POWER, bug })) : []),
  ];
  const rows: string[][] = [];
  for (const { mode, bug } of cells) {
    const outcomes = await pool(Array.from({ length: seeds }, (_, i) => () => runOnce(mode, bug, i + 1)), parallel);
    const caught = outcomes.filter((o) => o.exit === 1).length;
    const errors = outcomes.filter((o) => o.exit !== 0 && o.exit !== 1).length;
    const first = outcomes.flatMap((o) => (o.exit === 1 && o.firstViolationMs !== null ? [o.firstViolationMs] : []));
    const label = bug || 'correct system';
    const verdict = bug ? `${caught}/${seeds} caught` : `${seeds - caught - errors}/${seeds} passed (${caught} false positives)`;
    rows.push([mode.name, label, verdict, first.length ? `${(median(first)! / 1000).toFixed(1)} s` : '—', errors ? `${errors} errors` : '']);
    const seedsSeen = outcomes.map((o, i) => `${i + 1}:${o.exit}${o.failed.length ? `(${o.failed.join('+')})` : ''}`).join(' ');
    process.stderr.write(`detection: ${mode.name} · ${label}: ${verdict} · seeds ${seedsSeen}\n`);
  }
  return `### Detection (${seeds} seeds per cell, ${parallel} runs at a time)\n\n${table(['faults', 'system', 'result', 'median first violation', ''], rows)}`;
}
