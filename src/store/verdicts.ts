// Verdicts of a run's checks, stored next to its history (re-checking replaces them).
import type Database from 'better-sqlite3';

/** A verdict as stored: validity as text ('true' | 'false' | 'unknown'). */
export interface StoredVerdict {
  name: string;
  kind: string;
  valid: true | false | 'unknown';
  summary: string;
  evidence: unknown;
}

/** Replaces the verdicts of a run. */
export function saveVerdicts(db: Database.Database, runId: string, verdicts: readonly StoredVerdict[]): void {
  const insert = db.prepare('INSERT INTO verdicts (run_id, name, kind, valid, summary, evidence, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare('DELETE FROM verdicts WHERE run_id = ?').run(runId);
    for (const v of verdicts) insert.run(runId, v.name, v.kind, String(v.valid), v.summary, JSON.stringify(v.evidence), now);
  })();
}

/** The stored verdicts of a run, in the order they were checked. */
export function readVerdicts(db: Database.Database, runId: string): StoredVerdict[] {
  const rows = db.prepare('SELECT * FROM verdicts WHERE run_id = ? ORDER BY rowid').all(runId) as Record<string, string>[];
  return rows.map((r) => ({
    name: r.name, kind: r.kind, summary: r.summary, evidence: JSON.parse(r.evidence),
    valid: r.valid === 'true' ? true : r.valid === 'false' ? false : 'unknown',
  }));
}
