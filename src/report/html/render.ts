// report.html: one self-contained page (inline uPlot, CSS and script, data as JSON) under a strict
// Content-Security-Policy (nothing but its own hashed blocks may run; no request can leave the page).
import { createHash } from 'node:crypto';
import { jsonForScript } from '../escape.js';
import { type ReportInput } from '../input.js';
import { measuredRecovery, opStats, recoveryByComponent, recoveryTimes } from '../stats.js';
import { loadAssets, type Assets } from './assets.js';
import { chartData } from './chart-data.js';
import { clientScript } from './client.js';
import { invariants } from './evidence.js';
import { esc } from './markup.js';
import { banner, questions, toc } from './sections.js';
import { PAGE_CSS } from './style.js';
import { escapedTable } from './escaped.js';
import { warningsTable } from './warnings.js';
import { faultsTable, instancesTable, logExcerpts, recoveryTable, workloadTable } from './tables.js';

// The CSP source of an inline block: 'sha256-<base64>' of its exact text.
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// The policy: nothing by default; only the hashed scripts and styles; images only as data: URLs.
export function contentSecurityPolicy(scripts: readonly string[], styles: readonly string[]): string {
  return [
    "default-src 'none'", `script-src ${scripts.map(cspHash).join(' ')}`, `style-src ${styles.map(cspHash).join(' ')}`,
    'img-src data:', "base-uri 'none'", "form-action 'none'",
  ].join('; ');
}

// A chart card: a title, an optional legend of the shading, the chart container, a note.
function chartCard(id: string, title: string, note: string, keys = ''): string {
  return `<div class="card chart-card"><h3>${esc(title)}</h3>${keys}<div class="chart" id="${id}"></div><p class="note">${esc(note)}</p></div>`;
}

// The body sections below the verdict: charts and tables.
function sections(input: ReportInput, data: ReturnType<typeof chartData>): string[] {
  const { history } = input;
  const times = recoveryTimes(history, measuredRecovery(input.verdicts));
  const fired = new Map([...times].filter(([seq]) => history.faults.some((f) => f.seq === seq && f.firedMs !== null)));
  const keys = '<p class="legend-keys"><span class="key kill">kill</span><span class="key stall">stall</span><span class="key quiet">quiet period</span><span class="key page">would have paged</span></p>';
  const probe = data.progress.probe === null ? 'no numeric probe in this scenario' : `probe "${data.progress.probe}"`;
  const usageNote = 'sum over each component\'s instances, sampled about once a second';
  return [
    `<section id="timeline"><h2>Timeline</h2>${chartCard('chart-progress', 'Progress under kill -9', `${probe}; every kill is marked with its target`, keys)}</section>`,
    `<section id="recovery"><h2>Recovery</h2>${data.recovery.t.length ? chartCard('chart-recovery', 'Recovery time per kill', 'time from the kill until the target was ready (and progressing) again') : '<p class="empty">no kill fired</p>'}
<h3>Per component</h3>${recoveryTable(recoveryByComponent(history.faults, fired))}</section>`,
    `<section id="workload"><h2>Workload</h2>${data.ops ? chartCard('chart-ops', 'Operations per second', `per ${data.ops.bucketS} s; retries are extra attempts`) + chartCard('chart-latency', 'Latency of acknowledged operations', 'start to acknowledgement, per time bucket') : '<p class="empty">no workload operations</p>'}
<h3>Totals</h3>${workloadTable(opStats(history.ops))}</section>`,
    `<section id="resources"><h2>Resources</h2>${data.usage ? chartCard('chart-cpu', 'CPU % per component', usageNote) + chartCard('chart-rss', 'Resident memory per component', usageNote) : '<p class="empty">no CPU/RSS samples</p>'}</section>`,
    `<section id="invariants"><h2>Invariants</h2>${invariants(input.verdicts)}</section>`,
    `<section id="instances"><h2>Instances</h2>${instancesTable(history)}${escapedTable(history)}${warningsTable(history)}</section>`,
    `<section id="faults"><h2>Faults</h2>${faultsTable(history, times)}</section>`,
    `<section id="logs"><h2>Logs</h2>${logExcerpts(input.excerpts)}</section>`,
  ];
}

const TOC: [string, string][] = [
  ['verdict', 'Verdict'], ['timeline', 'Timeline'], ['recovery', 'Recovery'], ['workload', 'Workload'], ['resources', 'Resources'],
  ['invariants', 'Invariants'], ['instances', 'Instances'], ['faults', 'Faults'], ['logs', 'Logs'],
];

// report.html of a stored run (assets default to uPlot from node_modules).
export function renderHtml(input: ReportInput, assets: Assets = loadAssets()): string {
  const data = chartData(input);
  const script = clientScript();
  const css = `${assets.uplotCss}\n${PAGE_CSS}`;
  const csp = contentSecurityPolicy([assets.uplotJs, script], [css]);
  const { run } = input.history;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${esc(`crashtest ${run.name}: ${run.status} · ${run.id}`)}</title>
<style>${css}</style>
</head>
<body>
${banner(input)}
${toc(TOC)}
<main class="wrap">
${questions(input)}
${sections(input, data).join('\n')}
</main>
<footer><div class="wrap">${esc(`crashtest ${input.version} · run ${run.id} · ${run.scenarioPath}`)}</div></footer>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${assets.uplotJs}</script>
<script>${script}</script>
</body>
</html>
`;
}
