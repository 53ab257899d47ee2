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
  // v2: the events are the history. What version 1 kept only in side tables becomes events; those tables
  // stay, as rows derived from the events (rewritten from the projection when a run ends or is re-checked).
  `INSERT INTO events (run_id, t_ms, type, data)
     SELECT run_id, MIN(scheduled_ms), 'chaos.planned', json_object('type', 'chaos.planned', 't', MIN(scheduled_ms), 'faults',
       json_group_array(json_object('seq', seq, 'atMs', scheduled_ms, 'instance', instance, 'component', component, 'kind', 'kill', 'signal', signal)))
     FROM (SELECT * FROM faults ORDER BY run_id, seq) GROUP BY run_id;
   INSERT INTO events (run_id, t_ms, type, data)
     SELECT id, chaos_start_ms, 'run.window', json_object('type', 'run.window', 't', chaos_start_ms, 'chaosStartMs', chaos_start_ms, 'quietStartMs', quiet_start_ms)
     FROM runs;
   INSERT INTO events (run_id, t_ms, type, data)
     SELECT run_id, end_ms, 'op.completed', json_object('type', 'op.completed', 't', end_ms, 'op', json_object('seq', seq, 'key', key,
       'startMs', start_ms, 'endMs', end_ms, 'outcome', outcome, 'attempts', json(attempts), 'ackMs', ack_ms, 'detail', detail))
     FROM ops ORDER BY run_id, seq;
   INSERT INTO events (run_id, t_ms, type, data)
     SELECT run_id, t_ms, 'probe.sampled', json_object('type', 'probe.sampled', 't', t_ms, 'sample', json_object('probe', probe, 't', t_ms,
       'final', json(CASE final WHEN 1 THEN 'true' ELSE 'false' END), 'value', value, 'items', json(items), 'error', error))
     FROM probe_samples ORDER BY run_id, t_ms, rowid;
   INSERT INTO events (run_id, t_ms, type, data)
     SELECT run_id, t_ms, 'usage.sampled', json_object('type', 'usage.sampled', 't', t_ms, 'readings',
       json_array(json_object('t', t_ms, 'instance', instance, 'pid', pid, 'cpu', cpu, 'rss', rss)))
     FROM samples ORDER BY run_id, t_ms, rowid;
   INSERT INTO events (run_id, t_ms, type, data)
     SELECT id, COALESCE(end_ms, 0), 'run.finished', json_object('type', 'run.finished', 't', COALESCE(end_ms, 0), 'status', status, 'exitCode', exit_code)
     FROM runs WHERE status IN ('passed', 'failed', 'error');
   ALTER TABLE faults ADD COLUMN kind TEXT NOT NULL DEFAULT 'kill';
   CREATE INDEX events_type ON events(run_id, type);`,
];

/** The schema version this crashtest writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database up to `target` (SCHEMA_VERSION; older only in tests); refuses a database written by a newer crashtest. */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`the results database has schema version ${current}, newer than this crashtest (${SCHEMA_VERSION}); upgrade crashtest or use another --db`);
  }
  for (let version = current; version < target; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
