// One reading of a probe: an HTTP GET, a command's stdout, or a SQL query (SQLite file or PostgreSQL).
import { execa } from 'execa';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ProbeSpec } from '../scenario/index.js';
import { fromRows, parseLines, parseText, type Reading } from './parse.js';

/**
 * Reads the probe once; throws an Error saying what went wrong (recorded as the sample's error). A command probe
 * sees CRASHTEST_PROBE_FINAL=1 in the final reading (0 before): an incremental checker can do its full pass then.
 */
export async function readProbe(spec: ProbeSpec, cwd: string, final = false): Promise<Reading> {
  if (spec.http) {
    const response = await fetch(spec.http.url, { signal: AbortSignal.timeout(spec.timeout) });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${spec.http.url}`);
    return parseText(text, spec.parse, spec.http.path);
  }
  if (spec.command) {
    const argv = typeof spec.command === 'string' ? [spec.command] : spec.command;
    const result = await execa(argv[0], argv.slice(1), { shell: typeof spec.command === 'string', cwd, env: { CRASHTEST_PROBE_FINAL: final ? '1' : '0' }, reject: false, timeout: spec.timeout, stdin: 'ignore' });
    if (result.timedOut) throw new Error(`timed out after ${spec.timeout} ms`);
    if (result.exitCode !== undefined && spec.violations_exit.includes(result.exitCode)) return violationLines(String(result.stdout), result.exitCode);
    if (result.exitCode !== 0) throw new Error(`exited with ${result.exitCode ?? result.signal}: ${String(result.stderr).trim().split('\n').at(-1) ?? ''}`);
    return parseText(String(result.stdout), spec.parse);
  }
  const sql = spec.sql!;
  return fromRows(sql.sqlite ? querySqlite(sql.sqlite, sql.query, spec.timeout) : await queryPostgres(sql.postgres!, sql.query, spec.timeout), spec.parse);
}

// A checker that exits with one of its violations codes reports what it printed, one item per line, whatever
// `parse` says; one that printed nothing still reports a violation: its exit code said there was one.
function violationLines(stdout: string, exitCode: number): Reading {
  const items = parseLines(stdout);
  return { items: items.length > 0 ? items : [`exited with ${exitCode} and printed no violation lines`] };
}

function querySqlite(file: string, query: string, timeoutMs: number): Record<string, unknown>[] {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: timeoutMs });
  try {
    return db.prepare(query).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

async function queryPostgres(url: string, query: string, timeoutMs: number): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(query)).rows as Record<string, unknown>[];
  } finally {
    await client.end().catch(() => undefined);
  }
}
