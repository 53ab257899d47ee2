// Which stored runs to forget, and forgetting them: every row a run owns, in every table that has a run_id.
import type Database from 'better-sqlite3';

/** A run as prune sees it: what it is, when it started, where its folder is. */
export interface PrunableRun { id: string; name: string; status: string; startedAt: string; outDir: string }

/** What to keep: the newest `keep` runs, and/or runs started within `olderThanMs` of `nowMs`. */
export interface PruneRule { keep?: number; olderThanMs?: number; nowMs: number }

/**
 * The runs a rule lets go, oldest first. A run goes when it is past both limits that are set (not among
 * the newest `keep`, and started more than `olderThanMs` ago). A run still `running` is never chosen.
 */
export function runsToPrune(db: Database.Database, rule: PruneRule): PrunableRun[] {
  const rows = db.prepare('SELECT id, name, status, started_at, out_dir FROM runs ORDER BY started_at DESC, id DESC').all() as
    { id: string; name: string; status: string; started_at: string; out_dir: string }[];
  return rows
    .filter((row, index) => {
      if (row.status === 'running') return false;
      const beyondCount = rule.keep === undefined || index >= rule.keep;
      const beyondAge = rule.olderThanMs === undefined || rule.nowMs - Date.parse(row.started_at) > rule.olderThanMs;
      return beyondCount && beyondAge;
    })
    .map((row) => ({ id: row.id, name: row.name, status: row.status, startedAt: row.started_at, outDir: row.out_dir }))
    .reverse();
}

/** Deletes every row of these runs in one transaction (tables found by their run_id column, runs last). */
export function deleteRuns(db: Database.Database, ids: readonly string[]): void {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'runs'`).all() as { name: string }[])
    .map((t) => t.name)
    .filter((name) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).some((c) => c.name === 'run_id'));
  const statements = [...tables.map((t) => db.prepare(`DELETE FROM "${t}" WHERE run_id = ?`)), db.prepare('DELETE FROM runs WHERE id = ?')];
  db.transaction(() => {
    for (const id of ids) for (const statement of statements) statement.run(id);
  })();
}
