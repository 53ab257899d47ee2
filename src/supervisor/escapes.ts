// Processes that left their component's process group (setsid, a double fork) are found by the mark in
// their environment, killed with the generation that started them, and recorded as process.escaped.
import { MARK_VARIABLE, killMarked, markOf, readMark, runMarkPrefix, type MarkedProcess, type OrphanReaper } from '../process/index.js';
import type { RunRecorder } from '../store/index.js';

/** Marks each generation's environment and kills what escaped from it. */
export class EscapeSweeper {
  constructor(
    private readonly recorder: RunRecorder,
    private readonly now: () => number,
    reaper: OrphanReaper,
  ) {
    // If crashtest dies, the keeper kills every marked process of the run as well.
    reaper.adoptMarks(runMarkPrefix(recorder.runId));
  }

  /** The variable every process of this generation (and each of its descendants) carries. */
  env(instance: string, generation: number): Record<string, string> {
    return { [MARK_VARIABLE]: markOf(this.recorder.runId, instance, generation) };
  }

  /** After a generation's group was killed (or its leader exited): kills its processes outside `pgid`. */
  sweepGeneration(instance: string, generation: number, pgid: number): void {
    const mark = markOf(this.recorder.runId, instance, generation);
    this.record(killMarked((m) => m === mark, pgid));
  }

  /** At teardown, every group gone: kills whatever of the run is left. */
  sweepRun(): void {
    const prefix = runMarkPrefix(this.recorder.runId);
    this.record(killMarked((m) => m.startsWith(prefix)));
  }

  private record(killed: MarkedProcess[]): void {
    for (const found of killed) {
      const named = readMark(this.recorder.runId, found.mark);
      if (!named) continue;
      this.recorder.record({ type: 'process.escaped', t: this.now(), ...named, pid: found.pid, command: found.command });
    }
  }
}
