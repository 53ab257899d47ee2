// Samples CPU % and RSS of every running instance once a second (pidusage reads /proc).
import pidusage from 'pidusage';
import type { RunRecorder } from '../store/index.js';

/** Starts sampling; returns a function that stops it. */
export function sampleUsage(source: { runningPids(): { instance: string; pid: number }[] }, recorder: RunRecorder, t0: number, everyMs = 1000): () => void {
  let busy = false;
  let stopped = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    const running = source.runningPids();
    // One call per pid: a process killed between listing and sampling only loses its own sample.
    const stats = await Promise.allSettled(running.map((r) => pidusage(r.pid)));
    const t = performance.now() - t0;
    if (stopped) return;
    stats.forEach((stat, i) => {
      if (stat.status === 'fulfilled') recorder.recordUsage(t, running[i].instance, running[i].pid, stat.value.cpu, stat.value.memory);
    });
    busy = false;
  }, everyMs);
  return () => {
    stopped = true;
    clearInterval(timer);
    pidusage.clear();
  };
}
