// Explore's results as files: explore.json (the data, coverage first) and explore.html (one offline
// page: the coverage figure, then every point with what killing there did).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { escAttr, escText } from '../report/index.js';
import type { ExploreResult, PointResult } from './explore.js';

export const EXPLORE_FORMAT = 'crashtest-explore';

/** The JSON document: format, scenario, coverage {points, killed, failed}, then every point. */
export function exploreJson(result: ExploreResult, scenario: string): string {
  return `${JSON.stringify({
    format: EXPLORE_FORMAT, version: 1, scenario, coverage: result.coverage, elapsedMs: result.elapsedMs, outOfBudget: result.outOfBudget,
    recording: result.recording, points: result.points,
  }, null, 2)}\n`;
}

/** The HTML page. */
export function exploreHtml(result: ExploreResult, scenario: string): string {
  const { points, killed, failed } = result.coverage;
  const share = (n: number): string => (points === 0 ? '0' : ((100 * n) / points).toFixed(1));
  const bar = `<div class="bar" role="img" aria-label="${escAttr(`${failed} failed, ${killed - failed} held, ${points - killed} not killed, of ${points} points`)}">`
    + `<span class="failed" style="width:${share(failed)}%"></span><span class="held" style="width:${share(killed - failed)}%"></span></div>`;
  const rows = result.points.map((p, i) => row(p, i + 1)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>crashtest explore: ${escText(scenario)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}code{font-size:12px}
.bar{display:flex;height:18px;width:100%;max-width:640px;background:#ccc;border-radius:3px;overflow:hidden}
.bar .failed{background:#c62828}.bar .held{background:#2e7d32}.s-failed{color:#c62828;font-weight:600}.s-held{color:#2e7d32}
</style></head><body>
<h1>Kill-point coverage: ${escText(scenario)}</h1>
<p><strong>${points}</strong> points found, <strong>${killed}</strong> killed at, <strong class="s-failed">${failed}</strong> failing
 (recording run ${escText(result.recording.runId)}${result.outOfBudget ? '; the budget ran out before every kill was tried' : ''}).</p>
${bar}
<p>red: a kill there made an invariant fail · green: killed there, every invariant held · grey: not killed (not reached, or out of budget)</p>
<table><thead><tr><th>#</th><th>component</th><th>point</th><th>seen</th><th>log line before</th><th>kills</th><th>result</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

function row(p: PointResult, n: number): string {
  const landed = p.kills.filter((k) => k.landed).length;
  const result = p.failure
    ? `<span class="s-failed">FAIL</span> at occurrence ${p.failure.occurrence}: ${Object.entries(p.failure.failed).map(([name, summary]) => `<b>${escText(name)}</b> ${escText(summary)}`).join('<br>')}<br>run ${escText(p.failure.runId)}<br><code>${escText(p.failure.replay)}</code>`
    : p.status === 'held' ? '<span class="s-held">held</span>' : 'not killed';
  return `<tr><td>${n}</td><td>${escText(p.component)}</td><td><code>${escText(p.key)}</code></td><td>${p.occurrences}×</td>`
    + `<td><code>${escText(p.logBefore)}</code></td><td>${landed} of ${p.kills.length}</td><td>${result}</td></tr>`;
}

/** Writes explore.json and explore.html into the result's folder; returns their paths. */
export function writeExplore(result: ExploreResult, scenario: string): { json: string; html: string } {
  mkdirSync(result.dir, { recursive: true });
  const json = path.join(result.dir, 'explore.json');
  const html = path.join(result.dir, 'explore.html');
  writeFileSync(json, exploreJson(result, scenario));
  writeFileSync(html, exploreHtml(result, scenario));
  return { json, html };
}
