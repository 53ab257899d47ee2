// The pure projection events → History: instance lives, fault attribution (which restart and which
// ready belong to which fault), operations and probe readings. No database, no clock: literal event lists in, facts out.
import { componentOfInstance } from '../common/index.js';
import type { OpRecord, ProbeSample, RunEvent, UsageSample } from './events.js';
import type { FaultRecord, History, InFlightOp, InstanceRecord, RunInfo } from './history.js';

/** Builds a run's History from its events; `run` is what was known when it was created. */
export function projectHistory(run: RunInfo, recorded: readonly RunEvent[]): History {
  const events = inTimeOrder(recorded);
  const lives = new Lives();
  const faults = new Map<number, FaultRecord>();
  /** the fault whose victim has not been ready again yet, per instance */
  const open = new Map<string, FaultRecord>();
  const ops = new Map<number, OpRecord>();
  const invoked = new Map<number, InFlightOp>();
  const samples: ProbeSample[] = [];
  const usage: UsageSample[] = [];
  let info = { ...run };
  for (const event of events) {
    switch (event.type) {
      case 'run.window': info = { ...info, chaosStartMs: event.chaosStartMs, quietStartMs: event.quietStartMs }; break;
      case 'run.finished': info = { ...info, status: event.status, exitCode: event.exitCode, endMs: event.t }; break;
      case 'chaos.planned':
        for (const f of event.faults) {
          faults.set(f.seq, { ...unfired(f.seq, f.atMs, f.instance), component: f.component, kind: f.kind ?? 'kill', signal: f.signal, why: f.why ?? null });
        }
        break;
      case 'fault.injected': {
        const fault = faultFor(faults, event);
        Object.assign(fault, { firedMs: event.t, pid: event.pid, signal: event.signal, kind: event.kind ?? fault.kind, armed: event.armed ?? null,
          victims: event.victims ?? [], why: event.trigger ? `trigger: ${event.trigger}` : fault.why });
        open.set(event.instance, fault);
        break;
      }
      case 'fault.healed': {
        const fault = faults.get(event.seq);
        if (fault) fault.healedMs = event.t;
        // A paused group was never restarted: continued is as good as ready again.
        if (fault?.kind === 'pause' && open.get(event.instance) === fault) {
          Object.assign(fault, { restartedMs: event.t, readyMs: event.t });
          open.delete(event.instance);
        }
        break;
      }
      case 'fault.skipped': faultFor(faults, event).skipped = event.reason; break;
      case 'component.spawned':
        lives.spawned(event);
        if (open.get(event.instance)?.restartedMs === null) open.get(event.instance)!.restartedMs = event.t;
        break;
      case 'component.ready': {
        lives.ready(event.instance, event.t);
        const fault = open.get(event.instance);
        if (fault) fault.readyMs = event.t;
        open.delete(event.instance);
        break;
      }
      case 'component.exited': lives.exited(event); break;
      case 'op.invoked': invoked.set(event.seq, { seq: event.seq, key: event.key, startMs: event.t }); break;
      case 'op.completed': ops.set(event.op.seq, withoutNulls(event.op)); invoked.delete(event.op.seq); break;
      case 'probe.sampled': samples.push(withoutNulls(event.sample)); break;
      case 'usage.sampled': usage.push(...event.readings); break;
    }
  }
  return {
    run: info, instances: lives.records, faults: [...faults.values()].sort((a, b) => a.seq - b.seq),
    ops: [...ops.values()].sort((a, b) => a.seq - b.seq), inFlight: [...invoked.values()], samples, usage, events,
  };
}

/** Events by time; events with the same time keep their recorded order (a restart records its exit after the spawn). */
function inTimeOrder(events: readonly RunEvent[]): RunEvent[] {
  return events.map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.t - b.event.t || a.index - b.index)
    .map(({ event }) => event);
}

// A fault fired without a planned entry (an older run, or a triggered fault) still counts.
function faultFor(faults: Map<number, FaultRecord>, event: { seq: number; instance: string; scheduledMs: number }): FaultRecord {
  let fault = faults.get(event.seq);
  if (!fault) {
    fault = { ...unfired(event.seq, event.scheduledMs, event.instance), component: componentOfInstance(event.instance), kind: 'kill', signal: 'SIGKILL', why: null };
    faults.set(event.seq, fault);
  }
  return fault;
}

function unfired(seq: number, scheduledMs: number, instance: string): Omit<FaultRecord, 'component' | 'kind' | 'signal' | 'why'> {
  return { seq, scheduledMs, firedMs: null, instance, pid: null, skipped: null, restartedMs: null, readyMs: null, armed: null, healedMs: null, victims: [] };
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
