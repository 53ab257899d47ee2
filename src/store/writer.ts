// Appends a run's events to SQLite as they happen (one small transaction each), and keeps the
// instances and faults tables in step, so a run that dies halfway still leaves its history.
import type Database from 'better-sqlite3';
import type { RunEvent } from './events.js';
import type { RunInfo } from './history.js';

/** What the recorder needs to know about a run when it starts. */
export interface NewRun extends Omit<RunInfo, 'status' | 'endMs' | 'exitCode'> {
  scenarioJson: string;
  outDir: string;
  ownerPid: number;
  ownerStart: string;
  version: string;
}

export interface ScheduledFault {
  seq: number;
  atMs: number;
  instance: string;
  component: string;
  signal: string;
}

export type EventListener = (event: RunEvent) => void;

/** Writes one run; listeners (the terminal, the live status line) see every event after it is stored. */
export class RunRecorder {
  readonly runId: string;
  private readonly db: Database.Database;
  private readonly listeners: EventListener[] = [];
  private readonly instanceRow = new Map<string, { id: number | bigint; component: string }>();
  private readonly openFault = new Map<string, number>();
  private readonly statements;

  constructor(db: Database.Database, run: NewRun) {
    this.db = db;
    this.runId = run.id;
    db.prepare(
      `INSERT INTO runs (id, name, scenario_path, scenario_json, seed, chaos, status, started_at, duration_ms,
         chaos_start_ms, quiet_start_ms, command, out_dir, owner_pid, owner_start, crashtest_version)
       VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(run.id, run.name, run.scenarioPath, run.scenarioJson, run.seed, run.chaos ? 1 : 0, run.startedAt, run.durationMs,
      run.chaosStartMs, run.quietStartMs, run.command, run.outDir, run.ownerPid, run.ownerStart, run.version);
    this.statements = {
      event: db.prepare('INSERT INTO events (run_id, t_ms, type, data) VALUES (?, ?, ?, ?)'),
      spawned: db.prepare('INSERT INTO instances (run_id, component, instance, generation, pid, spawned_ms) VALUES (?, ?, ?, ?, ?, ?)'),
      ready: db.prepare('UPDATE instances SET ready_ms = ? WHERE id = ?'),
      exited: db.prepare('UPDATE instances SET ended_ms = ?, exit_code = ?, signal = ?, cause = ? WHERE id = ?'),
      faultFired: db.prepare('UPDATE faults SET fired_ms = ?, pid = ?, signal = ? WHERE run_id = ? AND seq = ?'),
      faultSkipped: db.prepare('UPDATE faults SET skipped = ? WHERE run_id = ? AND seq = ?'),
      faultRestarted: db.prepare('UPDATE faults SET restarted_ms = ? WHERE run_id = ? AND seq = ?'),
      faultReady: db.prepare('UPDATE faults SET ready_ms = ? WHERE run_id = ? AND seq = ?'),
      op: db.prepare('INSERT INTO ops (run_id, seq, key, start_ms, end_ms, outcome, ack_ms, attempts, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      probe: db.prepare('INSERT INTO probe_samples (run_id, probe, t_ms, final, value, items, error) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      sample: db.prepare('INSERT INTO samples (run_id, t_ms, instance, pid, cpu, rss) VALUES (?, ?, ?, ?, ?, ?)'),
    };
  }

  /** Sets when kills may start and when the quiet period starts, known once every component is ready. */
  setChaosWindow(chaosStartMs: number, quietStartMs: number): void {
    this.db.prepare('UPDATE runs SET chaos_start_ms = ?, quiet_start_ms = ? WHERE id = ?').run(chaosStartMs, quietStartMs, this.runId);
  }

  /** Registers a listener called after each event is stored. */
  onEvent(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** Stores the planned fault schedule (before chaos starts, so "scheduled vs fired" can be compared). */
  recordSchedule(faults: readonly ScheduledFault[]): void {
    const insert = this.db.prepare('INSERT INTO faults (run_id, seq, scheduled_ms, instance, component, signal) VALUES (?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => faults.forEach((f) => insert.run(this.runId, f.seq, f.atMs, f.instance, f.component, f.signal)))();
  }

  /** Registers the component an instance belongs to (needed before its first spawn). */
  declareInstance(instance: string, component: string): void {
    this.instanceRow.set(instance, { id: -1, component });
  }

  /** Stores an event, then tells the listeners. */
  record(event: RunEvent): void {
    this.store(event);
    for (const listener of this.listeners) listener(event);
  }

  /** One CPU/RSS reading of one instance. */
  recordUsage(tMs: number, instance: string, pid: number, cpu: number, rss: number): void {
    this.statements.sample.run(this.runId, tMs, instance, pid, cpu, rss);
  }

  /** Several CPU/RSS readings in one transaction. */
  recordUsageBatch(readings: readonly { t: number; instance: string; pid: number; cpu: number; rss: number }[]): void {
    this.db.transaction(() => readings.forEach((r) => this.statements.sample.run(this.runId, r.t, r.instance, r.pid, r.cpu, r.rss)))();
  }

  /** Marks the run finished with its status and exit code. */
  finish(status: 'passed' | 'failed' | 'error' | 'aborted', exitCode: number, endMs: number): void {
    this.db.prepare('UPDATE runs SET status = ?, exit_code = ?, end_ms = ? WHERE id = ?').run(status, exitCode, endMs, this.runId);
  }

  private store(event: RunEvent): void {
    const s = this.statements;
    switch (event.type) {
      case 'op.completed': {
        const { op } = event;
        s.op.run(this.runId, op.seq, op.key, op.startMs, op.endMs, op.outcome, op.ackMs ?? null, JSON.stringify(op.attempts), op.detail ?? null);
        return;
      }
      case 'probe.sampled': {
        const { sample } = event;
        s.probe.run(this.runId, sample.probe, sample.t, sample.final ? 1 : 0, sample.value ?? null,
          sample.items ? JSON.stringify(sample.items) : null, sample.error ?? null);
        return;
      }
    }
    this.db.transaction(() => {
      s.event.run(this.runId, event.t, event.type, JSON.stringify(event));
      this.updateTables(event);
    })();
  }

  private updateTables(event: RunEvent): void {
    const s = this.statements;
    if (event.type === 'component.spawned') {
      const row = this.instanceRow.get(event.instance);
      const component = row?.component ?? event.instance.replace(/\.\d+$/, '');
      const id = s.spawned.run(this.runId, component, event.instance, event.generation, event.pid, event.t).lastInsertRowid;
      this.instanceRow.set(event.instance, { id, component });
      const seq = this.openFault.get(event.instance);
      if (seq !== undefined) s.faultRestarted.run(event.t, this.runId, seq);
    } else if (event.type === 'component.ready') {
      const row = this.instanceRow.get(event.instance);
      if (row) s.ready.run(event.t, row.id);
      const seq = this.openFault.get(event.instance);
      if (seq !== undefined) s.faultReady.run(event.t, this.runId, seq);
      this.openFault.delete(event.instance);
    } else if (event.type === 'component.exited') {
      const row = this.instanceRow.get(event.instance);
      if (row) s.exited.run(event.t, event.code, event.signal, event.cause, row.id);
    } else if (event.type === 'fault.injected') {
      s.faultFired.run(event.t, event.pid, event.signal, this.runId, event.seq);
      this.openFault.set(event.instance, event.seq);
    } else if (event.type === 'fault.skipped') {
      s.faultSkipped.run(event.reason, this.runId, event.seq);
    }
  }
}
