// Page-script helpers shared by the report charts (see client.ts): sizes, colours, time labels,
// the options every time chart shares, and the canvas drawing of shaded spans and kill lines.
import type UPlot from 'uplot';
import type { ChartData } from './chart-data.js';

// The width a chart gets: its container's content width.
export function ctWidth(el: HTMLElement | null): number {
  return Math.max(280, Math.floor(el?.clientWidth ?? 600));
}

// A colour per series: an even spread of hues, readable on white.
export function ctColor(i: number): string {
  const fixed = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4d7c0f'];
  return i < fixed.length ? fixed[i] : `hsl(${Math.round((i * 137.5) % 360)} 65% 42%)`;
}

// Seconds since the start as an axis label: "45s", "2:05", "1:02:05".
export function ctSec(v: number): string {
  if (v < 60) return `${Math.round(v * 100) / 100}s`;
  const s = Math.round(v);
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mm = String(hms[1]).padStart(hms[0] > 0 ? 2 : 1, '0');
  return `${hms[0] > 0 ? `${hms[0]}:` : ''}${mm}:${String(hms[2]).padStart(2, '0')}`;
}

// Tick steps of the time axis, in seconds: round fractions, then round seconds, minutes and hours.
export function ctIncrs(): number[] {
  const base = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  return [...base, ...[2, 3, 6, 12, 24].map((h) => h * 3600)];
}

// Options shared by every time chart: size, synced cursor, time axis, quiet/stall shading, kill lines.
export function ctOptions(data: ChartData, target: HTMLElement, series: UPlot.Series[], yLabel: string, killLines: boolean): UPlot.Options {
  return {
    width: ctWidth(target),
    height: 240,
    series: [{ label: 'time', value: (_u: UPlot, v: number | null) => (v === null ? '—' : ctSec(v)) }, ...series],
    scales: { x: { time: false, range: [0, Math.max(data.endS, 1)] } },
    axes: [
      { values: (_u: UPlot, splits: number[]) => splits.map(ctSec), incrs: ctIncrs(), stroke: '#64748b', grid: { stroke: '#eef2f7' } },
      { label: yLabel, stroke: '#64748b', grid: { stroke: '#eef2f7' }, size: 60 },
    ],
    cursor: { sync: { key: 'crashtest' }, drag: { x: false, y: false, setScale: false } },
    legend: { live: true },
    hooks: { drawClear: [(u: UPlot) => ctShade(u, data)], draw: killLines ? [(u: UPlot) => ctKillLines(u, data)] : [] },
  };
}

// Shades the quiet period (green), the progress stalls (red) and the pages (amber) behind the series.
export function ctShade(u: UPlot, data: ChartData): void {
  const { ctx, bbox } = u;
  const span = (from: number, to: number, color: string): void => {
    const x0 = Math.max(bbox.left, u.valToPos(from, 'x', true));
    const x1 = Math.min(bbox.left + bbox.width, u.valToPos(to, 'x', true));
    if (x1 <= x0) return;
    ctx.fillStyle = color;
    ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
  };
  ctx.save();
  span(data.quietStartS, data.endS, 'rgba(16, 185, 129, 0.07)');
  for (const [from, to] of data.progress.stalls) span(from, to, 'rgba(220, 38, 38, 0.14)');
  for (const [from, to] of data.pages ?? []) span(from, to, 'rgba(217, 119, 6, 0.16)');
  ctx.restore();
}

// Thin dashed red lines at each kill on charts without DOM markers; short ticks at the top when dense.
export function ctKillLines(u: UPlot, data: ChartData): void {
  const { ctx, bbox } = u;
  const dense = data.kills.length > 40;
  ctx.save();
  ctx.strokeStyle = dense ? 'rgba(220, 38, 38, 0.6)' : 'rgba(220, 38, 38, 0.35)';
  ctx.lineWidth = Math.max(1, devicePixelRatio);
  if (!dense) ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
  ctx.beginPath();
  for (const k of data.kills) {
    const x = Math.round(u.valToPos(k.t, 'x', true));
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, dense ? bbox.top + 8 * devicePixelRatio : bbox.top + bbox.height);
  }
  ctx.stroke();
  ctx.restore();
}
