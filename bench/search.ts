// Search: how long `crashtest explore` takes to find each planted bug a crash can reveal (and that it
// finds nothing in the correct system), and how far and how fast `crashtest shrink` reduces a failing run.
//   npm run bench -- search [explore|shrink|both=both] [bugs=all, comma-separated, "correct" for none] [occurrences=2]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { table } from './stats.js';

const SCENARIO = 'test/fixtures/scenarios/converter-armed-small.yml';
/** The bugs a kill can reveal; no-fencing needs a pause, no-fsync a power loss, lease-not-refreshed neither at this pace. */
const BUGS = ['', 'ack-before-commit', 'no-lease-expiry', 'non-atomic-write', 'done-before-output-durable'];

interface Cli {
  code: number | null;
  stdout: string;
  /** ms from the start to the first line matching `watch`, if any */
  firstMatchMs: number | null;
  elapsedMs: number;
}

function cli(args: string[], watch?: RegExp): Promise<Cli> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/crashtest.js', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let firstMatchMs: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (firstMatchMs === null && watch?.test(stdout)) firstMatchMs = Date.now() - started;
    });
    child.on('close', (code) => resolve({ code, stdout, firstMatchMs, elapsedMs: Date.now() - started }));
  });
}

const bugArgs = (bug: string): string[] => (bug ? ['--env', `CONVERTER_BUG=${bug}`] : []);
const seconds = (ms: number | null): string => (ms === null ? '—' : `${(ms / 1000).toFixed(0)} s`);

async function exploreRows(bugs: string[], occurrences: number): Promise<string[][]> {
  const rows: string[][] = [];
  for (const bug of bugs) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'crashtest-explore-'));
    const run = await cli(['explore', SCENARIO, '--components', 'api,worker', '--budget', '10m', '--occurrences', String(occurrences), ...bugArgs(bug), '--out', dir, '--db', path.join(dir, 'r.db')], /^kill .* FAIL /m);
    const coverage = /coverage: (\d+) points, (\d+) killed at, (\d+) failing · (\d+) runs/.exec(run.stdout);
    const failing = [...run.stdout.matchAll(/^FAIL {2}(\S+) at (.+?) \(occurrence/gm)].map((m) => `${m[1]}: \`${m[2]}\``);
    rows.push([bug || 'correct system', coverage ? `${coverage[1]} / ${coverage[2]} / ${coverage[3]}` : `exit ${run.code}`, seconds(run.firstMatchMs), failing.join('<br>') || 'none', seconds(run.elapsedMs)]);
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`explore ${bug || 'correct'}: ${rows.at(-1)!.join(' | ')}\n`);
  }
  return rows;
}

async function shrinkRows(bugs: string[]): Promise<string[][]> {
  const rows: string[][] = [];
  for (const bug of bugs.filter(Boolean)) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'crashtest-shrink-'));
    const db = path.join(dir, 'r.db');
    const original = await cli(['run', SCENARIO, ...bugArgs(bug), '--out', dir, '--db', db]);
    if (original.code !== 1) {
      rows.push([bug, `the seeded run did not fail (exit ${original.code})`, '—', '—', '—']);
      continue;
    }
    const shrunk = await cli(['shrink', 'latest', '--tries', '2', '--budget', '10m', '--out', dir, '--db', db]);
    const summary = /smallest fault list: (\d+) faults? \(from (\d+)\), fails .* in (\d+) of (\d+) replays · (\d+) candidates, (\d+) replays/.exec(shrunk.stdout);
    rows.push(summary ? [bug, `${summary[2]} → **${summary[1]}**`, `${summary[3]}/${summary[4]}`, `${summary[5]} / ${summary[6]}`, seconds(shrunk.elapsedMs)] : [bug, `exit ${shrunk.code}`, '—', '—', seconds(shrunk.elapsedMs)]);
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`shrink ${bug}: ${rows.at(-1)!.join(' | ')}\n`);
  }
  return rows;
}

/** The search figures as Markdown. */
export async function benchSearch(which = 'both', bugList?: string, occurrences = 2): Promise<string> {
  const bugs = bugList && bugList !== 'all' ? bugList.split(',').map((b) => (b === 'correct' ? '' : b)) : BUGS;
  const parts = [`### Search: explore and shrink on \`${SCENARIO}\``];
  if (which !== 'shrink') {
    parts.push(`\`crashtest explore --components api,worker --budget 10m --occurrences ${occurrences}\` (every point, first occurrences first):\n`);
    parts.push(table(['system', 'points / killed / failing', 'time to the first failing point', 'failing points', 'whole explore'], await exploreRows(bugs, occurrences)));
  }
  if (which !== 'explore') {
    parts.push(`\nThe scenario's own seeded run (a kill every 800 ms), then \`crashtest shrink latest --tries 2\`:\n`);
    parts.push(table(['bug', 'faults', 'final list reproduced', 'candidates / replays', 'shrink time'], await shrinkRows(bugs)));
  }
  return parts.join('\n');
}
