// Which restart and which ready belong to which fault, decided from the events alone: after a fault
// hits an instance, its next spawn is the restart and its next ready the recovery (a pause: its continue).
import { componentOfInstance } from '../common/index.js';
import type { RunEvent } from './events.js';
import type { FaultRecord } from './history.js';

/** Folds fault events (and the spawns and readies that follow them) into fault records. */
export class FaultAttribution {
  private readonly faults = new Map<number, FaultRecord>();
  /** the fault whose victim has not been ready again yet, per instance */
  private readonly open = new Map<string, FaultRecord>();

  apply(event: RunEvent): void {
    switch (event.type) {
      case 'chaos.planned':
        for (const f of event.faults) {
          this.faults.set(f.seq, { ...unfired(f.seq, f.atMs, f.instance), component: f.component, kind: f.kind ?? 'kill', signal: f.signal, why: f.why ?? null });
        }
        break;
      case 'fault.injected': {
        const fault = this.faultFor(event);
        Object.assign(fault, { firedMs: event.t, pid: event.pid, signal: event.signal, kind: event.kind ?? fault.kind, armed: event.armed ?? null,
          victims: event.victims ?? [], why: event.trigger ? `trigger: ${event.trigger}` : fault.why });
        this.open.set(event.instance, fault);
        break;
      }
      case 'fault.healed': this.healed(event); break;
      case 'fault.skipped': this.faultFor(event).skipped = event.reason; break;
      case 'component.spawned': {
        const fault = this.open.get(event.instance);
        if (fault && fault.restartedMs === null) fault.restartedMs = event.t;
        break;
      }
      case 'component.ready': {
        const fault = this.open.get(event.instance);
        if (fault) fault.readyMs = event.t;
        this.open.delete(event.instance);
        break;
      }
    }
  }

  /** Every fault, by number. */
  records(): FaultRecord[] {
    return [...this.faults.values()].sort((a, b) => a.seq - b.seq);
  }

  // A paused group was never restarted: continued is as good as ready again.
  private healed(event: Extract<RunEvent, { type: 'fault.healed' }>): void {
    const fault = this.faults.get(event.seq);
    if (!fault) return;
    fault.healedMs = event.t;
    if (fault.kind === 'pause' && this.open.get(event.instance) === fault) {
      Object.assign(fault, { restartedMs: event.t, readyMs: event.t });
      this.open.delete(event.instance);
    }
  }

  // A fault fired without a planned entry (an older run, or a triggered fault) still counts.
  private faultFor(event: { seq: number; instance: string; scheduledMs: number }): FaultRecord {
    let fault = this.faults.get(event.seq);
    if (!fault) {
      fault = { ...unfired(event.seq, event.scheduledMs, event.instance), component: componentOfInstance(event.instance), kind: 'kill', signal: 'SIGKILL', why: null };
      this.faults.set(event.seq, fault);
    }
    return fault;
  }
}

function unfired(seq: number, scheduledMs: number, instance: string): Omit<FaultRecord, 'component' | 'kind' | 'signal' | 'why'> {
  return { seq, scheduledMs, firedMs: null, instance, pid: null, skipped: null, restartedMs: null, readyMs: null, armed: null, healedMs: null, victims: [] };
}
