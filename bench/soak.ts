// Soak benchmark: runs scenarios/converter-soak.yml (default 10m; the nightly run is 60m) with the crashtest CLI,
// samples crashtest's own RSS and the run folder's disk use every 10 s, then reads the stored run's figures.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { soakFigures } from './soak-figures.js';
import { table } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE_EVERY_MS = 10_000;

/** crashtest's resident set in MiB (VmRSS of its main process), or undefined once it has exited. */
function rssMiB(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the soak scenario for `duration` and returns its Markdown section. */
export async function benchSoak(duration = '10m'): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crashtest-soak-'));
  const db = path.join(dir, 'crashtest.db');
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/crashtest.js'), 'run', 'scenarios/converter-soak.yml', '--duration', duration,
    '--seed', '7', '--out', path.join(dir, 'reports'), '--db', db], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const rss: number[] = [];
  let peakDiskMiB = 0;
  const timer = setInterval(() => {
    const r = rssMiB(child.pid!);
    if (r !== undefined) rss.push(r);
    peakDiskMiB = Math.max(peakDiskMiB, Number(execFileSync('du', ['-sm', path.join(dir, 'reports')], { encoding: 'utf8' }).split('\t')[0]));
  }, SAMPLE_EVERY_MS);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const f = await soakFigures(db);
  fs.rmSync(dir, { recursive: true, force: true });
  const perMinute = f.checksPerMinute;
  const row = [
    duration, `${f.status} (exit ${code})`,
    `${Math.min(...perMinute.slice(0, -1))}–${Math.max(...perMinute)} (first ${perMinute[0]}, last full ${perMinute.at(-2) ?? perMinute[0]})`,
    `${(f.longestGapMs / 1000).toFixed(1)} s`, String(f.probeErrors), `${Math.max(peakDiskMiB, f.diskMiB.max)} MiB`,
    `${rss[0]?.toFixed(0)} → ${rss.at(-1)?.toFixed(0)} MiB (max ${Math.max(...rss).toFixed(0)})`,
    `${f.resultsDbMiB.toFixed(1)} MiB`, `${f.reportMs.toFixed(0)} ms, ${f.reportMiB.toFixed(2)} MiB`,
  ];
  return [
    '### Soak (`scenarios/converter-soak.yml`, seed 7)',
    '',
    table(['duration', 'verdict', 'verify checks / min', 'longest gap', 'probe errors', 'disk (peak)', 'crashtest RSS', 'results db', 'report.html'], [row]),
  ].join('\n');
}
