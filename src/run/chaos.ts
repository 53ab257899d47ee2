// Chaos for one run: the seeded schedule from the scenario's fault mix and targets, the nemesis that
// plays it, and the triggers (a log line, an operation in flight) that cue extra faults.
import { buildSchedule, startNemesis, type ArmKill, type ArmPointKill, type PlannedFault, type FaultSpec, type Nemesis, type Trigger, type WeightedFault } from '../chaos/index.js';
import { componentOfInstance } from '../common/index.js';
import { matchTargets, type ChaosSpec, type LoadedScenario } from '../scenario/index.js';
import type { RunRecorder } from '../store/index.js';
import type { Supervisor } from '../supervisor/index.js';
import type { RunSettings } from './settings.js';
import type { RunVolumes } from './volumes.js';

/** How long a pause lasts when the scenario does not say: longer than a typical lease. */
export const DEFAULT_PAUSE_MS = 7_000;

export interface ChaosOptions {
  loaded: LoadedScenario;
  settings: RunSettings;
  supervisor: Supervisor;
  recorder: RunRecorder;
  volumes: RunVolumes;
  armKill: ArmKill;
  armPoint?: ArmPointKill;
  /** performance.now() at run start, and when the load (and the schedule) started, run-relative */
  t0: number;
  loadStartMs: number;
}

/** Plans the schedule (recorded before anything fires), starts the nemesis and wires the triggers. */
export function startChaos(options: ChaosOptions): Nemesis {
  const { loaded, settings, recorder, supervisor, t0 } = options;
  const spec = loaded.scenario.chaos;
  const schedule = (settings.faults ?? seededSchedule(spec!, loaded, settings, options.volumes)).map((fault) => ({ ...fault, atMs: fault.atMs + options.loadStartMs }));
  const now = (): number => performance.now() - t0;
  recorder.record({ type: 'chaos.planned', t: now(), faults: schedule.map((f) => ({
    seq: f.seq, atMs: f.atMs, instance: f.target, component: componentOfInstance(f.target), kind: f.fault.kind, signal: signalOf(f.fault), why: f.why,
    ...(f.fault.kind !== 'power-loss' ? { at: f.fault.at ?? 'now', ...(f.fault.nth ? { nth: f.fault.nth } : {}) } : {}),
    ...(f.fault.kind === 'pause' ? { durationMs: f.fault.durationMs } : {}),
    ...(f.fault.kind === 'kill' && f.fault.point ? { point: { syscall: f.fault.point.syscall, path: f.fault.point.path, occurrence: f.fault.point.occurrence } } : {}),
  })) });
  const nemesis = startNemesis({
    schedule, t0, victims: supervisor, record: (event) => recorder.record(event), now, volumeOf: (i) => options.volumes.of(i),
    armKill: options.armKill, armPoint: options.armPoint, armBoundMs: spec?.arm_timeout ?? Math.round(settings.intervalMs / 2),
    armUntilMs: options.loadStartMs + settings.durationMs - settings.quietMs,
  });
  const unwire = spec && !settings.faults ? wireTriggers(spec, loaded, nemesis, supervisor, recorder) : () => undefined;
  return { cue: nemesis.cue, stop: async () => { unwire(); await nemesis.stop(); } };
}

// The scenario's own schedule: a pure function of the seed, targets and timing.
function seededSchedule(spec: ChaosSpec, loaded: LoadedScenario, settings: RunSettings, volumes: RunVolumes): PlannedFault[] {
  const targets = matchTargets(loaded.scenario.components, spec.targets);
  const volumeTargets = volumes.instances().filter((i) => targets.includes(i));
  return buildSchedule({
    seed: settings.seed, targets, volumeTargets, faults: faultMix(spec), choose: spec.choose, nth: spec.nth, intervalMs: settings.intervalMs,
    jitterMs: settings.jitterMs, startAfterMs: settings.startAfterMs, quietStartMs: settings.durationMs - settings.quietMs,
  });
}

/** The scenario's fault mix with every default applied (kill only; `at` from chaos.at). */
export function faultMix(spec: ChaosSpec): WeightedFault[] {
  const entries = spec.faults ?? [{ kind: 'kill' as const, weight: 1 }];
  return entries.map((entry) => ({ weight: entry.weight, fault: faultOf(entry.kind, spec, entry) }));
}

function faultOf(kind: 'kill' | 'pause' | 'power-loss', spec: ChaosSpec, entry: { at?: 'now' | 'persistence'; duration?: number }): FaultSpec {
  if (kind === 'pause') return { kind, durationMs: entry.duration ?? DEFAULT_PAUSE_MS, at: entry.at ?? spec.at };
  if (kind === 'power-loss') return { kind };
  return { kind, at: entry.at ?? spec.at };
}

function signalOf(fault: FaultSpec): string {
  return fault.kind === 'pause' ? 'SIGSTOP' : 'SIGKILL';
}

// Log triggers listen to every output line; operation triggers to every operation the client starts.
function wireTriggers(spec: ChaosSpec, loaded: LoadedScenario, nemesis: Nemesis, supervisor: Supervisor, recorder: RunRecorder): () => void {
  const unsubscribes: (() => void)[] = [];
  for (const t of spec.triggers) {
    const targets = matchTargets(loaded.scenario.components, [t.component]);
    const fault = faultOf(t.fault, spec, { at: 'now', duration: t.duration });
    if (t.log !== undefined) {
      const pattern = new RegExp(t.log);
      const trigger: Trigger = { label: `log /${t.log}/ on ${t.component}`, targets, fault, max: t.max };
      unsubscribes.push(supervisor.onLine((instance, line) => { if (targets.includes(instance) && pattern.test(line)) nemesis.cue(trigger, instance); }));
    } else {
      const trigger: Trigger = { label: `operation in flight to ${t.component}`, targets, fault, max: t.max };
      let active = true;
      recorder.onEvent((event) => { if (active && event.type === 'op.invoked') nemesis.cue(trigger); });
      unsubscribes.push(() => { active = false; });
    }
  }
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
