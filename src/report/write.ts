// Writes the three reports of a stored run (report.html, report.json, junit.xml), reading everything
// from the results database (history, verdicts, CPU/RSS samples) and the run's logs folder.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { parseVerdict } from '../checks/index.js';
import { HarnessError } from '../errors.js';
import { openStore, readHistory, readRunScenario, readUsage, readVerdicts, type StoredVerdict } from '../store/index.js';
import { renderHtml } from './html/render.js';
import type { ReportInput } from './input.js';
import type { JudgedVerdict } from '../checks/index.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { collectExcerpts } from './logs.js';

/** Where writeReports wrote each file. */
export interface ReportPaths {
  html: string;
  json: string;
  junit: string;
}

/** What writeReports needs: the database (a handle or a file), the run, and where to write. */
export interface WriteReportsOptions {
  db: Database.Database | string;
  runId: string;
  /** default: the run's own out_dir (reports/<run-id>/) */
  outDir?: string;
}

// A stored verdict with its evidence parsed; bad evidence is the database's fault, reported with the run.
function judged(runId: string, stored: StoredVerdict): JudgedVerdict {
  try {
    return parseVerdict(stored);
  } catch (err) {
    throw new HarnessError(`run ${runId}: ${(err as Error).message}`);
  }
}

// Reads everything a report is a function of; logs come from <run out_dir>/logs.
export async function readReportInput(db: Database.Database, runId: string): Promise<{ input: ReportInput; runDir: string }> {
  const history = readHistory(db, runId);
  const row = db.prepare('SELECT out_dir, crashtest_version FROM runs WHERE id = ?').get(runId) as { out_dir: string; crashtest_version: string };
  const verdicts = readVerdicts(db, runId).map((v) => judged(runId, v));
  const excerpts = await collectExcerpts(history, verdicts, path.join(row.out_dir, 'logs'));
  const input: ReportInput = {
    history, verdicts, usage: readUsage(db, runId), scenario: readRunScenario(db, runId) ?? null, version: row.crashtest_version, excerpts,
  };
  return { input, runDir: row.out_dir };
}

// Renders and writes report.html, report.json and junit.xml of a run; returns their paths.
export async function writeReports(options: WriteReportsOptions): Promise<ReportPaths> {
  const db = typeof options.db === 'string' ? openStore(options.db, { readonly: true }) : options.db;
  try {
    const { input, runDir } = await readReportInput(db, options.runId);
    const outDir = path.resolve(options.outDir ?? runDir);
    await mkdir(outDir, { recursive: true });
    const paths: ReportPaths = { html: path.join(outDir, 'report.html'), json: path.join(outDir, 'report.json'), junit: path.join(outDir, 'junit.xml') };
    await Promise.all([
      writeFile(paths.html, renderHtml(input)),
      writeFile(paths.json, renderJson(input)),
      writeFile(paths.junit, renderJunit(input)),
    ]);
    return paths;
  } finally {
    if (typeof options.db === 'string') db.close();
  }
}
