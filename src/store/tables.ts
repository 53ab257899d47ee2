// The tables next to the events (instances, faults, ops, probe_samples, samples) for people who query
// the database with SQL: rows derived only from a run's projected History, rewritten whole each time.
import type Database from 'better-sqlite3';
import type { History } from './history.js';

/** Replaces the derived rows of `history.run` with what the history says. */
export function writeDerivedTables(db: Database.Database, history: History): void {
  const runId = history.run.id;
  const insert = {
    instance: db.prepare(`INSERT INTO instances (run_id, component, instance, generation, pid, spawned_ms, ready_ms, ended_ms, exit_code, signal, cause)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    fault: db.prepare(`INSERT INTO faults (run_id, seq, scheduled_ms, fired_ms, instance, component, kind, pid, signal, skipped, restarted_ms, ready_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    op: db.prepare('INSERT INTO ops (run_id, seq, key, start_ms, end_ms, outcome, ack_ms, attempts, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    probe: db.prepare('INSERT INTO probe_samples (run_id, probe, t_ms, final, value, items, error) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    usage: db.prepare('INSERT INTO samples (run_id, t_ms, instance, pid, cpu, rss) VALUES (?, ?, ?, ?, ?, ?)'),
  };
  db.transaction(() => {
    for (const table of ['instances', 'faults', 'ops', 'probe_samples', 'samples']) db.prepare(`DELETE FROM ${table} WHERE run_id = ?`).run(runId);
    for (const i of history.instances) {
      insert.instance.run(runId, i.component, i.instance, i.generation, i.pid, i.spawnedMs, i.readyMs, i.endedMs, i.exitCode, i.signal, i.cause);
    }
    for (const f of history.faults) {
      insert.fault.run(runId, f.seq, f.scheduledMs, f.firedMs, f.instance, f.component, f.kind, f.pid, f.signal, f.skipped, f.restartedMs, f.readyMs);
    }
    for (const op of history.ops) {
      insert.op.run(runId, op.seq, op.key, op.startMs, op.endMs, op.outcome, op.ackMs ?? null, JSON.stringify(op.attempts), op.detail ?? null);
    }
    for (const s of history.samples) {
      insert.probe.run(runId, s.probe, s.t, s.final ? 1 : 0, s.value ?? null, s.items ? JSON.stringify(s.items) : null, s.error ?? null);
    }
    for (const u of history.usage) insert.usage.run(runId, u.t, u.instance, u.pid, u.cpu, u.rss);
  })();
}
