// Page-script charts of the report (see client.ts): progress with kill markers, recovery per kill,
// workload rates and latency, CPU and RSS per component. Run in the browser, never in Node.
import type UPlot from 'uplot';
import type { ChartData } from './chart-data.js';
import { ctColor, ctOptions, ctSec } from './client-base.js';

// The uPlot global defined by the inlined uPlot.iife.min.js.
declare const uPlot: typeof UPlot;

// One DOM marker per fired fault over the progress chart, labelled with its target, placed by time.
export function ctMarkers(u: UPlot, data: ChartData): void {
  let layer = u.over.querySelector<HTMLDivElement>('.kill-layer');
  if (!layer) {
    layer = document.createElement('div');
    layer.className = 'kill-layer';
    u.over.appendChild(layer);
    const labelled = data.kills.length <= 24;
    for (const k of data.kills) {
      const m = document.createElement('div');
      m.className = labelled ? 'kill-marker labelled' : 'kill-marker';
      m.dataset.seq = String(k.seq);
      m.dataset.target = k.target;
      const label = document.createElement('span');
      label.textContent = k.target;
      label.title = `fault ${k.seq}: ${k.signal} ${k.target} at ${ctSec(k.t)}`;
      m.appendChild(label);
      layer.appendChild(m);
    }
  }
  layer.querySelectorAll<HTMLDivElement>('.kill-marker').forEach((m, i) => {
    m.style.left = `${u.valToPos(data.kills[i].t, 'x')}px`;
  });
}

// The progress counter with kill markers, stalls and the quiet period.
export function ctProgress(data: ChartData): UPlot | null {
  const target = document.getElementById('chart-progress');
  if (!target) return null;
  const p = data.progress;
  const empty = p.t.length === 0;
  const series: UPlot.Series[] = [{ label: p.probe ?? 'no numeric probe', stroke: ctColor(0), fill: 'rgba(37, 99, 235, 0.08)', width: 2, paths: uPlot.paths.stepped?.({ align: 1 }) }];
  const opts = ctOptions(data, target, series, p.probe ?? '', false);
  opts.hooks = { ...opts.hooks, draw: [(u: UPlot) => ctMarkers(u, data)] };
  if (empty) opts.scales = { ...opts.scales, y: { range: [0, 1] } };
  const xs = empty ? [0, Math.max(data.endS, 1)] : p.t;
  const ys = empty ? [null, null] : p.v;
  return new uPlot(opts, [xs, ys], target);
}

// Recovery time of each kill (points, one series per component) against the limit.
export function ctRecovery(data: ChartData): UPlot | null {
  const target = document.getElementById('chart-recovery');
  const r = data.recovery;
  if (!target || r.t.length === 0) return null;
  const series: UPlot.Series[] = r.components.map((c, i) => ({
    label: c, stroke: ctColor(i), width: 0, paths: () => null, points: { show: true, size: 9, fill: ctColor(i), stroke: ctColor(i) },
    value: (_u: UPlot, v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`),
  }));
  const opts = ctOptions(data, target, series, 'ms', true);
  const limit = r.limitMs;
  const top = Math.max(limit ?? 0, ...r.ms.flat().map((v) => v ?? 0)) * 1.15 || 1;
  opts.scales = { ...opts.scales, y: { range: [0, top] } };
  if (limit !== null) opts.hooks = { ...opts.hooks, draw: [...(opts.hooks?.draw ?? []), (u: UPlot) => ctLimit(u, limit)] };
  return new uPlot(opts, [r.t, ...r.ms], target);
}

// A dashed horizontal line at the recovery limit.
export function ctLimit(u: UPlot, limitMs: number): void {
  const { ctx, bbox } = u;
  const y = Math.round(u.valToPos(limitMs, 'y', true));
  ctx.save();
  ctx.strokeStyle = 'rgba(220, 38, 38, 0.7)';
  ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
  ctx.beginPath();
  ctx.moveTo(bbox.left, y);
  ctx.lineTo(bbox.left + bbox.width, y);
  ctx.stroke();
  ctx.fillStyle = 'rgba(220, 38, 38, 0.9)';
  ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.fillText(`limit ${limitMs} ms`, bbox.left + bbox.width - 6 * devicePixelRatio, y - 4 * devicePixelRatio);
  ctx.restore();
}

// Workload operations per second: acknowledged, retries, gave up, rejected.
export function ctOps(data: ChartData): UPlot | null {
  const target = document.getElementById('chart-ops');
  const o = data.ops;
  if (!target || !o) return null;
  const line = (label: string, color: string, fill?: string): UPlot.Series => ({ label, stroke: color, fill, width: 1.5, paths: uPlot.paths.stepped?.({ align: 1 }) });
  const series = [line('acked/s', ctColor(2), 'rgba(5, 150, 105, 0.08)'), line('retries/s', ctColor(3)), line('gave up/s', ctColor(1)), line('rejected/s', ctColor(4))];
  return new uPlot(ctOptions(data, target, series, 'ops/s', true), [o.t, o.acked, o.retries, o.gaveUp, o.rejected], target);
}

// Latency percentiles of acknowledged operations per time bucket.
export function ctLatency(data: ChartData): UPlot | null {
  const target = document.getElementById('chart-latency');
  const o = data.ops;
  if (!target || !o) return null;
  const ms = (_u: UPlot, v: number | null): string => (v === null ? '—' : `${Math.round(v)} ms`);
  const series: UPlot.Series[] = [
    { label: 'p50', stroke: ctColor(0), width: 1.5, value: ms, spanGaps: true },
    { label: 'p99', stroke: ctColor(4), width: 1.5, value: ms, spanGaps: true },
  ];
  return new uPlot(ctOptions(data, target, series, 'ms', true), [o.t, o.p50, o.p99], target);
}

// CPU % and RSS per component.
export function ctUsage(data: ChartData): UPlot[] {
  const u = data.usage;
  const cpu = document.getElementById('chart-cpu');
  const rss = document.getElementById('chart-rss');
  if (!u || !cpu || !rss) return [];
  const series = (unit: string): UPlot.Series[] => u.components.map((c, i) => ({
    label: c, stroke: ctColor(i), width: 1.5, spanGaps: true, value: (_p: UPlot, v: number | null) => (v === null ? '—' : `${v} ${unit}`),
  }));
  return [
    new uPlot(ctOptions(data, cpu, series('%'), 'CPU %', true), [u.t, ...u.cpu], cpu),
    new uPlot(ctOptions(data, rss, series('MiB'), 'RSS MiB', true), [u.t, ...u.rssMb], rss),
  ];
}

