// The tables of the report page: recovery per component, workload totals, instances (spawns, kills,
// exits we did not cause), faults (scheduled vs fired, restarted, ready again) and the log excerpts.
import type { History, InstanceRecord } from '../../store/index.js';
import { fmtT, type LogExcerpt } from '../input.js';
import type { ComponentRecovery, OpStats } from '../stats.js';
import { esc, foldedTable, int, table, type Row } from './markup.js';
import { formatMs } from '../../common/index.js';

// p50/p99/max recovery per component.
export function recoveryTable(rows: readonly ComponentRecovery[]): string {
  return foldedTable('components killed', ['component', 'kills#', 'recovered#', 'p50#', 'p99#', 'max#'], rows.map((r) => ({
    cells: [r.component, r.kills, r.recovered, formatMs(r.p50), formatMs(r.p99), formatMs(r.max)],
    cls: r.recovered < r.kills ? 'bad' : undefined,
  })), 30);
}

// Workload totals and latency percentiles.
export function workloadTable(s: OpStats): string {
  const counts = table(['operations#', 'acked#', 'retried#', 'gave up#', 'rejected#', 'attempts#'], [
    { cells: [int(s.total), int(s.acked), int(s.retried), int(s.gaveUp), int(s.rejected), int(s.attempts)] },
  ]);
  const lat = (name: string, l: OpStats['latencyMs']): Row => ({ cells: [name, int(l.count), formatMs(l.p50), formatMs(l.p90), formatMs(l.p99), formatMs(l.max)] });
  const latencies = table(['latency', 'measured#', 'p50#', 'p90#', 'p99#', 'max#'], [
    lat('start → ack (acknowledged operations)', s.latencyMs), lat('each attempt', s.attemptLatencyMs),
  ]);
  return `${counts}<h3>Latency</h3>${latencies}`;
}

// How an instance generation ended, in words.
function ending(i: InstanceRecord): string {
  if (i.endedMs === null) return 'still running';
  const how = i.signal ?? `exit ${i.exitCode ?? '?'}`;
  const why = i.cause === 'chaos' ? 'killed by chaos' : i.cause === 'self' ? 'exited on its own' : i.cause === 'teardown' ? 'stopped at the end' : '';
  return `${why} (${how})`;
}

// Per instance: spawns, kills, exits we did not cause; then every process, folded.
export function instancesTable(history: History): string {
  const names = [...new Set(history.instances.map((i) => i.instance))];
  const summary: Row[] = names.map((name) => {
    const gens = history.instances.filter((i) => i.instance === name);
    const self = gens.filter((i) => i.cause === 'self').length;
    const kills = history.faults.filter((f) => f.instance === name && f.firedMs !== null).length;
    return { cells: [name, gens[0].component, gens.length, kills, self], cls: self > 0 ? 'bad' : undefined };
  });
  const all: Row[] = history.instances.map((i) => ({
    cells: [i.instance, i.generation, i.pid, fmtT(i.spawnedMs), i.readyMs === null ? 'never' : formatMs(i.readyMs - i.spawnedMs), fmtT(i.endedMs),
      i.endedMs === null ? null : formatMs(i.endedMs - i.spawnedMs), ending(i)],
    cls: i.cause === 'self' ? 'bad' : undefined,
  }));
  const head = ['instance', 'generation#', 'pid#', 'spawned#', 'ready after#', 'ended#', 'uptime#', 'how it ended'];
  return foldedTable('instances', ['instance', 'component', 'spawns#', 'kills#', 'exits we did not cause#'], summary, 50)
    + `<h3>Every process</h3>${foldedTable('processes', head, all, 20)}`;
}

// Every scheduled fault: when planned and fired, the delay, when the target was running and ready again.
export function faultsTable(history: History, recovery: ReadonlyMap<number, number | null>): string {
  const since = (t: number | null, from: number | null): string => (t === null || from === null ? '—' : `+${formatMs(t - from)}`);
  const rows: Row[] = history.faults.map((f) => ({
    cells: [f.seq, f.instance, faultWhat(f), fmtT(f.scheduledMs), f.firedMs === null ? `skipped: ${f.skipped ?? 'not fired'}` : fmtT(f.firedMs),
      f.firedMs === null ? null : formatMs(f.firedMs - f.scheduledMs), f.pid, since(f.restartedMs, f.firedMs), since(f.readyMs, f.firedMs),
      formatMs(recovery.get(f.seq) ?? null)],
    cls: f.firedMs !== null && f.readyMs === null ? 'bad' : f.firedMs === null ? 'warn' : undefined,
  }));
  const head = ['fault#', 'target', 'what', 'scheduled#', 'fired#', 'delay#', 'pid#', 'restarted#', 'ready again#', 'recovery#'];
  return foldedTable('faults', head, rows, 20);
}

// What a fault did: its kind and signal, where an armed kill landed, who went down with a volume, why this target.
function faultWhat(f: History['faults'][number]): string {
  const landing = f.armed ? (f.armed.fellBack ? ` (armed, fell back: ${f.armed.fellBack})` : ` at ${f.armed.syscall}(${f.armed.path ?? '?'})`) : '';
  const victims = f.victims.length > 0 ? ` of ${f.victims.join(', ')}` : '';
  const why = f.why ? ` · ${f.why}` : '';
  return `${f.kind} ${f.signal}${landing}${victims}${why}`;
}

// The log excerpts: each line escaped, the line nearest the moment highlighted.
export function logExcerpts(excerpts: readonly LogExcerpt[]): string {
  if (excerpts.length === 0) return '<p class="empty">no failures and no exits we did not cause: nothing to excerpt</p>';
  return excerpts.map((x) => {
    let nearest = -1;
    x.lines.forEach((l, i) => { if (l.t !== null && l.t <= x.atMs) nearest = i; });
    const lines = x.lines.map((l, i) => {
      const t = l.t === null ? '' : `<span class="t">+${(l.t / 1000).toFixed(3)}s</span> `;
      const s = l.stream ? `<span class="s ${l.stream === 'err' ? 'err' : ''}">${esc(l.stream)}</span> ` : '';
      return `<span class="ln${i === nearest ? ' at' : ''}">${t}${s}${esc(l.text)}</span>`;
    });
    const more = x.truncated ? ' (some lines left out)' : '';
    return `<div class="excerpt card"><h3>${esc(x.title)}</h3>
<p class="note">${esc(`logs/${x.instance}.log, ${fmtT(x.fromMs)} → ${fmtT(x.toMs)}${more}`)}</p>
<pre class="log">${lines.join('')}</pre></div>`;
  }).join('\n');
}
