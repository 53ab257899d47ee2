// The soak figures of one stored run, read from its results database: how often the consistency probe answered
// in each minute, its longest gap and its errors, the run folder's disk use (probe disk_mib), the report's build.
import fs from 'node:fs';
import { openStore } from '../src/store/index.js';
import { readReportInput, renderHtml } from '../src/report/index.js';
import { median } from './stats.js';

export interface SoakFigures {
  runId: string;
  status: string;
  /** answered verify samples per minute of the run, minute 1 first */
  checksPerMinute: number[];
  longestGapMs: number;
  probeErrors: number;
  finalViolations: number;
  diskMiB: { max: number; last: number };
  resultsDbMiB: number;
  reportMs: number;
  reportMiB: number;
}

/** Reads the figures of `runId` (default: the only or latest run) from the results database `dbFile`. */
export async function soakFigures(dbFile: string, runId?: string): Promise<SoakFigures> {
  const db = openStore(dbFile, { readonly: true });
  try {
    const run = (runId ? db.prepare('SELECT id, status FROM runs WHERE id = ?').get(runId) : db.prepare('SELECT id, status FROM runs ORDER BY started_at DESC LIMIT 1').get()) as { id: string; status: string };
    const verify = db.prepare(`SELECT t_ms, final, items, error FROM probe_samples WHERE run_id = ? AND probe = 'verify' ORDER BY t_ms`).all(run.id) as Array<{ t_ms: number; final: number; items: string | null; error: string | null }>;
    const answered = verify.filter((s) => s.error === null);
    const checksPerMinute: number[] = [];
    for (const s of answered.filter((x) => !x.final)) checksPerMinute[Math.floor(s.t_ms / 60_000)] = (checksPerMinute[Math.floor(s.t_ms / 60_000)] ?? 0) + 1;
    const gaps = answered.slice(1).map((s, i) => s.t_ms - answered[i].t_ms);
    const finalSample = verify.find((s) => s.final === 1);
    const disk = (db.prepare(`SELECT value FROM probe_samples WHERE run_id = ? AND probe = 'disk_mib' AND value IS NOT NULL ORDER BY t_ms`).all(run.id) as Array<{ value: number }>).map((r) => r.value);
    const times: number[] = [];
    let html = '';
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      html = renderHtml((await readReportInput(db, run.id)).input);
      times.push(performance.now() - started);
    }
    const dbBytes = ['', '-wal'].map((s) => (fs.existsSync(dbFile + s) ? fs.statSync(dbFile + s).size : 0)).reduce((a, b) => a + b, 0);
    return {
      runId: run.id, status: run.status, checksPerMinute: Array.from(checksPerMinute, (n) => n ?? 0),
      longestGapMs: Math.max(0, ...gaps), probeErrors: verify.length - answered.length,
      finalViolations: finalSample?.items ? (JSON.parse(finalSample.items) as unknown[]).length : -1,
      diskMiB: { max: Math.max(0, ...disk), last: disk.at(-1) ?? 0 },
      resultsDbMiB: dbBytes / 2 ** 20, reportMs: median(times), reportMiB: Buffer.byteLength(html) / 2 ** 20,
    };
  } finally {
    db.close();
  }
}
