// Explore, step 1: one run without faults, every chosen component traced for its persistence calls,
// folded into points (syscall + path shape), each with how often it occurred and the log line before it.
import { PERSISTENCE_SYSCALLS, pointKey, pointOf, traceCalls, type CallTrace, type KillPoint } from '../armed/index.js';
import { groupMembers } from '../process/index.js';
import type { RunOptions } from '../run/index.js';

/** A point as recorded: where it is, how often the run made the call, and what the component said just before. */
export interface RecordedPoint extends KillPoint {
  component: string;
  key: string;
  occurrences: number;
  /** ms from the start of the recording to the first call */
  firstMs: number;
  /** the last output line of the calling instance before the first call ('' when none) */
  logBefore: string;
}

/** The observer to hand runScenario, and the points it found once the run is over. */
export function pointRecorder(components: ReadonlyMap<string, readonly string[]>, syscalls: readonly string[] = PERSISTENCE_SYSCALLS): {
  observe: NonNullable<RunOptions['observe']>;
  points(): RecordedPoint[];
} {
  const found = new Map<string, RecordedPoint>();
  const observe: NonNullable<RunOptions['observe']> = ({ supervisor, reaper, outDir, now }) => {
    const lastLine = new Map<string, string>();
    const unsubscribe = supervisor.onLine((instance, line) => lastLine.set(instance, line));
    const traces: CallTrace[] = [];
    const startMs = now();
    for (const [component, instances] of components) {
      const members = instances.map((instance) => {
        const group = supervisor.group(instance);
        return { instance, pids: group ? groupMembers(group.pgid).map((m) => m.pid) : [] };
      });
      const pids = members.flatMap((m) => m.pids);
      if (pids.length === 0) continue;
      const trace = traceCalls({ pids, syscalls, onCall: (call) => {
        const point = pointOf(call, outDir);
        const key = `${component} ${pointKey(point)}`;
        const known = found.get(key);
        if (known) {
          known.occurrences += 1;
          return;
        }
        // The call's thread may be gone already; then the component's only instance, else any line of it.
        const instance = members.find((m) => m.pids.includes(call.tid))?.instance ?? (members.length === 1 ? members[0].instance : undefined);
        const logBefore = (instance ? lastLine.get(instance) : members.map((m) => lastLine.get(m.instance)).find(Boolean)) ?? '';
        found.set(key, { ...point, component, key: pointKey(point), occurrences: 1, firstMs: Math.round(now() - startMs), logBefore });
      } });
      reaper.adopt(trace.tracer);
      traces.push(trace);
    }
    let stopped: Promise<void> | undefined;
    return {
      stop: () => (stopped ??= (async () => {
        unsubscribe();
        await Promise.all(traces.map(async (t) => {
          await t.stop();
          reaper.release(t.tracer);
        }));
      })()),
    };
  };
  return { observe, points: () => [...found.values()].sort((a, b) => a.firstMs - b.firstMs) };
}
