// Appends a run's events to SQLite as they happen (one small transaction each), so a run that dies
// halfway still leaves its history. It decides nothing: what belongs to what is projected later (project.ts).
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

export type EventListener = (event: RunEvent) => void;

/** Writes one run; listeners (the terminal, the live status line) see every event after it is stored. */
export class RunRecorder {
  readonly runId: string;
  readonly info: RunInfo;
  /** the stream as recorded, in order: the live run is judged on it, `crashtest check` on the stored copy */
  readonly events: RunEvent[] = [];
  private readonly db: Database.Database;
  private readonly listeners: EventListener[] = [];
  private readonly insert;
  private readonly finished;
  private failureListener?: (error: Error) => void;

  constructor(db: Database.Database, run: NewRun) {
    this.db = db;
    this.runId = run.id;
    this.info = { id: run.id, name: run.name, scenarioPath: run.scenarioPath, seed: run.seed, chaos: run.chaos, status: 'running',
      startedAt: run.startedAt, durationMs: run.durationMs, chaosStartMs: run.chaosStartMs, quietStartMs: run.quietStartMs,
      endMs: null, exitCode: null, command: run.command };
    db.prepare(
      `INSERT INTO runs (id, name, scenario_path, scenario_json, seed, chaos, status, started_at, duration_ms,
         chaos_start_ms, quiet_start_ms, command, out_dir, owner_pid, owner_start, crashtest_version)
       VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(run.id, run.name, run.scenarioPath, run.scenarioJson, run.seed, run.chaos ? 1 : 0, run.startedAt, run.durationMs,
      run.chaosStartMs, run.quietStartMs, run.command, run.outDir, run.ownerPid, run.ownerStart, run.version);
    this.insert = db.prepare('INSERT INTO events (run_id, t_ms, type, data) VALUES (?, ?, ?, ?)');
    // The runs row mirrors run.window and run.finished so `crashtest runs` lists runs without reading their events.
    this.finished = db.prepare('UPDATE runs SET status = ?, exit_code = ?, end_ms = ? WHERE id = ?');
  }

  /** Registers a listener called after each event is stored. */
  onEvent(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** Registers who hears of an event the database refused (full disk, I/O error); without one, record throws. */
  onFailure(listener: (error: Error) => void): void {
    this.failureListener = listener;
  }

  /** Appends an event, then tells the listeners; an event the database refuses is still kept in memory. */
  record(event: RunEvent): void {
    try {
      this.db.transaction(() => {
        this.insert.run(this.runId, event.t, event.type, JSON.stringify(event));
        if (event.type === 'run.finished') this.finished.run(event.status, event.exitCode, event.t, this.runId);
        if (event.type === 'run.window') {
          this.db.prepare('UPDATE runs SET chaos_start_ms = ?, quiet_start_ms = ? WHERE id = ?').run(event.chaosStartMs, event.quietStartMs, this.runId);
        }
      })();
    } catch (error) {
      // Events are recorded from timers and exit handlers: a throw there would crash crashtest mid-run.
      const code = (error as { code?: unknown }).code;
      if (!this.failureListener || typeof code !== 'string' || !code.startsWith('SQLITE_')) throw error;
      this.failureListener(new Error(`cannot write the results database ${this.db.name}: ${(error as Error).message} (${code})`));
    }
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
  }
}
