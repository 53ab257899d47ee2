// Tables of the results database and their migrations; the version is kept in user_version.
import type Database from 'better-sqlite3';

/** Each entry migrates from version i to i+1; append, never edit. */
const MIGRATIONS: string[] = [
  `CREATE TABLE runs (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, scenario_path TEXT NOT NULL, scenario_json TEXT NOT NULL,
     seed INTEGER NOT NULL, chaos INTEGER NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL,
     duration_ms INTEGER NOT NULL, chaos_start_ms INTEGER NOT NULL, quiet_start_ms INTEGER NOT NULL,
     end_ms INTEGER, exit_code INTEGER, command TEXT NOT NULL, out_dir TEXT NOT NULL,
     owner_pid INTEGER NOT NULL, owner_start TEXT NOT NULL, crashtest_version TEXT NOT NULL);
   CREATE TABLE instances (
     id INTEGER PRIMARY KEY, run_id TEXT NOT NULL REFERENCES runs(id), component TEXT NOT NULL,
     instance TEXT NOT NULL, generation INTEGER NOT NULL, pid INTEGER NOT NULL, spawned_ms REAL NOT NULL,
     ready_ms REAL, ended_ms REAL, exit_code INTEGER, signal TEXT, cause TEXT);
   CREATE INDEX instances_run ON instances(run_id, instance, generation);
   CREATE TABLE faults (
     run_id TEXT NOT NULL REFERENCES runs(id), seq INTEGER NOT NULL, scheduled_ms REAL NOT NULL,
     fired_ms REAL, instance TEXT NOT NULL, component TEXT NOT NULL, pid INTEGER, signal TEXT NOT NULL,
     skipped TEXT, restarted_ms REAL, ready_ms REAL, PRIMARY KEY (run_id, seq));
   CREATE TABLE events (
     id INTEGER PRIMARY KEY, run_id TEXT NOT NULL REFERENCES runs(id), t_ms REAL NOT NULL,
     type TEXT NOT NULL, data TEXT NOT NULL);
   CREATE INDEX events_run ON events(run_id, id);
   CREATE TABLE samples (
     run_id TEXT NOT NULL REFERENCES runs(id), t_ms REAL NOT NULL, instance TEXT NOT NULL,
     pid INTEGER NOT NULL, cpu REAL NOT NULL, rss INTEGER NOT NULL);
   CREATE INDEX samples_run ON samples(run_id, t_ms);
   CREATE TABLE ops (
     run_id TEXT NOT NULL REFERENCES runs(id), seq INTEGER NOT NULL, key TEXT NOT NULL,
     start_ms REAL NOT NULL, end_ms REAL NOT NULL, outcome TEXT NOT NULL, ack_ms REAL,
     attempts TEXT NOT NULL, detail TEXT, PRIMARY KEY (run_id, seq));
   CREATE TABLE probe_samples (
     run_id TEXT NOT NULL REFERENCES runs(id), probe TEXT NOT NULL, t_ms REAL NOT NULL,
     final INTEGER NOT NULL, value REAL, items TEXT, error TEXT);
   CREATE INDEX probe_samples_run ON probe_samples(run_id, probe, t_ms);
   CREATE TABLE verdicts (
     run_id TEXT NOT NULL REFERENCES runs(id), name TEXT NOT NULL, kind TEXT NOT NULL,
     valid TEXT NOT NULL, summary TEXT NOT NULL, evidence TEXT NOT NULL, checked_at TEXT NOT NULL,
     PRIMARY KEY (run_id, name));`,
];

/** The schema version this crashtest writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database up to SCHEMA_VERSION; refuses a database written by a newer crashtest. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`the results database has schema version ${current}, newer than this crashtest (${SCHEMA_VERSION}); upgrade crashtest or use another --db`);
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
