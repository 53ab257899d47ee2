// The report page's script, type-checked here and inlined as source text (each function's toString()):
// it reads the embedded chart data and draws the uPlot charts, kill markers, stalls and the quiet period.
import type UPlot from 'uplot';
import type { ChartData } from './chart-data.js';
import { ctColor, ctIncrs, ctKillLines, ctOptions, ctSec, ctShade, ctWidth } from './client-base.js';
import { ctLatency, ctLimit, ctMarkers, ctOps, ctProgress, ctRecovery, ctUsage } from './client-charts.js';

// Entry point: draws every chart whose container is on the page, and redraws them on resize.
export function ctMain(): void {
  const el = document.getElementById('report-data');
  const data = JSON.parse(el?.textContent ?? 'null') as ChartData | null;
  if (!data) return;
  const charts: UPlot[] = [];
  const add = (u: UPlot | null): void => { if (u) charts.push(u); };
  add(ctProgress(data));
  add(ctRecovery(data));
  add(ctOps(data));
  add(ctLatency(data));
  for (const u of ctUsage(data)) charts.push(u);
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => charts.forEach((u) => u.setSize({ width: ctWidth(u.root.parentElement), height: u.height })));
  });
  document.documentElement.dataset.charts = String(charts.length);
}

/** Every function of the page script; the script is their source text plus a call of ctMain. */
export const CLIENT_FUNCTIONS = [
  ctMain, ctWidth, ctColor, ctSec, ctIncrs, ctOptions, ctShade, ctKillLines, ctMarkers, ctProgress, ctRecovery, ctLimit, ctOps, ctLatency, ctUsage,
];

// The page script: every function's source and a call of ctMain, in a closure (no globals).
export function clientScript(): string {
  return `(() => {\n${CLIENT_FUNCTIONS.map(String).join('\n')}\nctMain();\n})();\n`;
}
