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
    const stats = await readAll(running.map((r) => r.pid));
    const t = performance.now() - t0;
    busy = false;
    if (stopped) return;
    const readings = running.flatMap((r) => {
      const stat = stats.get(r.pid);
      return stat ? [{ t, instance: r.instance, pid: r.pid, cpu: stat.cpu, rss: stat.memory }] : [];
    });
    if (readings.length > 0) recorder.record({ type: 'usage.sampled', t, readings });
  }, everyMs);
  return () => {
    stopped = true;
    clearInterval(timer);
    pidusage.clear();
  };
}

/** One pidusage call for all pids; if one of them died meanwhile, one call per pid so the others still count. */
async function readAll(pids: number[]): Promise<Map<number, { cpu: number; memory: number }>> {
  if (pids.length === 0) return new Map();
  try {
    const stats = await pidusage(pids);
    return new Map(pids.flatMap((pid) => (stats[String(pid)] ? [[pid, stats[String(pid)]] as const] : [])));
  } catch {
    const each = await Promise.allSettled(pids.map((pid) => pidusage(pid)));
    return new Map(each.flatMap((r, i) => (r.status === 'fulfilled' ? [[pids[i], r.value] as const] : [])));
  }
}
