// The processes that escaped their component's process group in a run, read from its events
// (process.escaped): what the verdict output and the report list.
import type { RunEvent, RunMs } from './events.js';

/** One process that had left its instance's group when crashtest found it (and killed it). */
export interface EscapedProcess {
  t: RunMs;
  instance: string;
  /** the generation (restart) of the instance that started it */
  generation: number;
  pid: number;
  command: string;
}

/** Every escaped process of a run, in the order found. */
export function escapedProcesses(events: readonly RunEvent[]): EscapedProcess[] {
  return events.flatMap((e) => (e.type === 'process.escaped'
    ? [{ t: e.t, instance: e.instance, generation: e.generation, pid: e.pid, command: e.command }] : []));
}
