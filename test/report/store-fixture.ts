// Writes a literal History into a fresh results database through the real recorder (the way a run
// would), so writeReports and `crashtest report` can be tested on hand-made runs without processes.
import path from 'node:path';
import { openStore, RunRecorder, saveVerdicts, type History, type RunEvent, type StoredVerdict, type UsageSample } from '../../src/store/index.js';

// The recorder events that rebuild a history's instances and faults, by time.
function eventsOf(history: History): RunEvent[] {
  const events: RunEvent[] = [];
  for (const i of history.instances) {
    events.push({ type: 'component.spawned', t: i.spawnedMs, instance: i.instance, component: i.component, pid: i.pid, generation: i.generation });
    if (i.readyMs !== null) events.push({ type: 'component.ready', t: i.readyMs, instance: i.instance, pid: i.pid, afterMs: i.readyMs - i.spawnedMs });
    if (i.endedMs !== null && i.cause !== null) {
      events.push({ type: 'component.exited', t: i.endedMs, instance: i.instance, pid: i.pid, code: i.exitCode, signal: i.signal, cause: i.cause, uptimeMs: i.endedMs - i.spawnedMs });
    }
  }
  for (const f of history.faults) {
    if (f.firedMs !== null) events.push({ type: 'fault.injected', t: f.firedMs, seq: f.seq, instance: f.instance, pid: f.pid ?? 0, signal: f.signal, scheduledMs: f.scheduledMs });
    if (f.skipped !== null) events.push({ type: 'fault.skipped', t: f.scheduledMs, seq: f.seq, instance: f.instance, reason: f.skipped, scheduledMs: f.scheduledMs });
  }
  return events.sort((a, b) => a.t - b.t);
}

// Stores the history (with verdicts and usage) as run history.run.id in dbFile; its out_dir is outDir.
export function storeHistory(dbFile: string, outDir: string, history: History, verdicts: StoredVerdict[], usage: UsageSample[]): void {
  const db = openStore(dbFile);
  const { run } = history;
  const recorder = new RunRecorder(db, {
    ...run, scenarioJson: JSON.stringify({ name: run.name, invariants: { progress: { probe: 'done', window: 2_000 } } }),
    outDir: path.resolve(outDir), ownerPid: process.pid, ownerStart: 'test', version: '0.1.0',
  });
  recorder.record({ type: 'run.started', t: 0, runId: run.id, seed: run.seed, chaos: run.chaos });
  recorder.record({ type: 'run.window', t: 0, chaosStartMs: run.chaosStartMs, quietStartMs: run.quietStartMs });
  recorder.record({ type: 'chaos.planned', t: 0, faults: history.faults.map((f) => ({ seq: f.seq, atMs: f.scheduledMs, instance: f.instance, component: f.component, kind: f.kind, signal: f.signal })) });
  for (const event of eventsOf(history)) recorder.record(event);
  for (const op of history.ops) recorder.record({ type: 'op.completed', t: op.endMs, op });
  for (const sample of history.samples) recorder.record({ type: 'probe.sampled', t: sample.t, sample });
  for (const u of usage) recorder.record({ type: 'usage.sampled', t: u.t, readings: [u] });
  saveVerdicts(db, run.id, verdicts);
  recorder.record({ type: 'run.finished', t: run.endMs ?? 0, status: 'failed', exitCode: run.exitCode ?? 1 });
  db.close();
}
