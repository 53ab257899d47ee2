// Jobs done per minute by the reference converter under a saturating workload, with and without
// kill -9 every 10 s (same seed, same run of the benchmark): the fraction of throughput kept under chaos.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { table } from './stats.js';

const SCENARIO = path.resolve('bench/converter-throughput.yml');
/** The same with every kill armed: strace attached, the kill landing on a persistence call. */
const ARMED = path.resolve('bench/converter-throughput-armed.yml');

/** Runs the scenario once; returns jobs done per minute of the chaos phase (from the done probe) and kills fired. */
function throughput(chaos: boolean, scenario = SCENARIO): { perMinute: number; kills: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crashtest-bench-system-'));
  try {
    const db = path.join(dir, 'r.db');
    const args = [path.resolve('bin/crashtest.js'), 'run', scenario, '--db', db, '--out', dir, ...(chaos ? [] : ['--no-chaos'])];
    try {
      execFileSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    } catch {
      // a failed invariant still leaves the figures we read
    }
    const sql = new Database(db, { readonly: true });
    const run = sql.prepare('SELECT chaos_start_ms, quiet_start_ms FROM runs').get() as { chaos_start_ms: number; quiet_start_ms: number };
    const done = (t: number): number => (sql.prepare(`SELECT value FROM probe_samples WHERE probe = 'done' AND value IS NOT NULL ORDER BY ABS(t_ms - ?) LIMIT 1`).get(t) as { value: number }).value;
    const kills = (sql.prepare('SELECT COUNT(*) AS n FROM faults WHERE fired_ms IS NOT NULL').get() as { n: number }).n;
    const perMinute = ((done(run.quiet_start_ms) - done(run.chaos_start_ms)) / (run.quiet_start_ms - run.chaos_start_ms)) * 60_000;
    sql.close();
    return { perMinute, kills };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the throughput benchmark and returns its Markdown section. */
export async function benchConverterSystem(): Promise<string> {
  const calm = throughput(false);
  const chaos = throughput(true);
  const armed = throughput(true, ARMED);
  return [
    '### Reference converter: jobs done per minute, with and without kill -9 every 10 s (api + 3 workers, SQLite, saturating load, same seed)',
    '',
    table(['run', 'kills', 'jobs done / min'], [
      ['--no-chaos', calm.kills, calm.perMinute.toFixed(0)],
      ['kill -9 every 10 s', chaos.kills, chaos.perMinute.toFixed(0)],
      ['armed kill every 10 s (strace attached until the kill lands)', armed.kills, armed.perMinute.toFixed(0)],
    ]),
    '',
    `Throughput kept under chaos: **${((chaos.perMinute / calm.perMinute) * 100).toFixed(0)} %** (target ≥ 70 %); ` +
      `under armed kills **${((armed.perMinute / calm.perMinute) * 100).toFixed(0)} %**.`,
  ].join('\n');
}
