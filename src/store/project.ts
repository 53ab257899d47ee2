// The pure projection events → History: instance lives, fault attribution (which restart and which
// ready belong to which fault), operations and probe readings. No database, no clock: literal event lists in, facts out.
import { componentOfInstance } from '../common/index.js';
import type { OpRecord, ProbeSample, RunEvent, UsageSample } from './events.js';
import type { History, InFlightOp, InstanceRecord, RunInfo } from './history.js';
import { FaultAttribution } from './fault-attribution.js';

/** Builds a run's History from its events; `run` is what was known when it was created. */
export function projectHistory(run: RunInfo, recorded: readonly RunEvent[]): History {
  const events = inTimeOrder(recorded);
  const lives = new Lives();
  const faults = new FaultAttribution();
  const ops = new Map<number, OpRecord>();
  const invoked = new Map<number, InFlightOp>();
  const samples: ProbeSample[] = [];
  const usage: UsageSample[] = [];
  let info = { ...run };
  for (const event of events) {
    faults.apply(event);
    switch (event.type) {
      case 'run.window': info = { ...info, chaosStartMs: event.chaosStartMs, quietStartMs: event.quietStartMs }; break;
      case 'run.finished': info = { ...info, status: event.status, exitCode: event.exitCode, endMs: event.t }; break;
      case 'component.spawned': lives.spawned(event); break;
      case 'component.ready': lives.ready(event.instance, event.t); break;
      case 'component.exited': lives.exited(event); break;
      case 'op.invoked': invoked.set(event.seq, { seq: event.seq, key: event.key, startMs: event.t }); break;
      case 'op.completed': ops.set(event.op.seq, withoutNulls(event.op)); invoked.delete(event.op.seq); break;
      case 'probe.sampled': samples.push(withoutNulls(event.sample)); break;
      case 'usage.sampled': usage.push(...event.readings); break;
    }
  }
  return {
    run: info, instances: lives.records, faults: faults.records(), ops: [...ops.values()].sort((a, b) => a.seq - b.seq),
    inFlight: [...invoked.values()], samples, usage, events,
  };
}

/** Events by time; events with the same time keep their recorded order (a restart records its exit after the spawn). */
function inTimeOrder(events: readonly RunEvent[]): RunEvent[] {
  return events.map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.t - b.event.t || a.index - b.index)
    .map(({ event }) => event);
}

/** Every generation of every instance, in spawn order; ready and exit apply to the instance's latest generation. */
class Lives {
  readonly records: InstanceRecord[] = [];
  private readonly latest = new Map<string, InstanceRecord>();

  spawned(event: Extract<RunEvent, { type: 'component.spawned' }>): void {
    const record: InstanceRecord = {
      component: event.component ?? componentOfInstance(event.instance), instance: event.instance, generation: event.generation, pid: event.pid,
      spawnedMs: event.t, readyMs: null, endedMs: null, exitCode: null, signal: null, cause: null,
    };
    this.records.push(record);
    this.latest.set(event.instance, record);
  }

  ready(instance: string, t: number): void {
    const record = this.latest.get(instance);
    if (record && record.readyMs === null) record.readyMs = t;
  }

  exited(event: Extract<RunEvent, { type: 'component.exited' }>): void {
    const record = this.latest.get(event.instance);
    if (!record || record.pid !== event.pid) return;
    Object.assign(record, { endedMs: event.t, exitCode: event.code, signal: event.signal, cause: event.cause });
  }
}

// Rows migrated from older tables carry JSON nulls where a live record leaves a key out.
function withoutNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}
