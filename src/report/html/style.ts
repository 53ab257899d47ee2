// The report page's stylesheet: system fonts, a coloured verdict banner, cards, tables and charts;
// responsive down to a phone. Class names only: the page's CSP forbids style attributes.

/** The page CSS (inlined in a <style> block whose hash is in the CSP). */
export const PAGE_CSS = `
:root { --bg: #f4f6f9; --card: #fff; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0;
  --pass: #047857; --pass-bg: #ecfdf5; --fail: #b91c1c; --fail-bg: #fef2f2; --error: #b45309; --error-bg: #fffbeb;
  --skip: #475569; --skip-bg: #f1f5f9; --accent: #2563eb;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-behavior: smooth; }
body { margin: 0; background: var(--bg); color: var(--ink); line-height: 1.5; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
code, pre, .mono { font-family: var(--mono); font-size: 0.86em; }
.wrap { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
.banner { color: #fff; padding: 28px 0 26px; }
.banner.passed { background: linear-gradient(135deg, #065f46, #059669); }
.banner.failed { background: linear-gradient(135deg, #7f1d1d, #dc2626); }
.banner.error, .banner.running { background: linear-gradient(135deg, #78350f, #d97706); }
.banner.aborted { background: linear-gradient(135deg, #1e293b, #475569); }
.banner .verdict { font-size: 13px; letter-spacing: .12em; text-transform: uppercase; opacity: .85; margin: 0; }
.banner h1 { font-size: clamp(26px, 4vw, 40px); line-height: 1.15; margin: 4px 0 10px; font-weight: 750; }
.banner h1 .word { display: inline-block; margin-right: 12px; }
.banner .facts { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 0; padding: 0; list-style: none; opacity: .95; font-size: 14px; }
.banner .facts b { font-weight: 600; opacity: .8; margin-right: 4px; }
.replay { margin-top: 16px; background: rgba(0,0,0,.22); border-radius: 8px; padding: 10px 14px; overflow-x: auto; white-space: nowrap; }
.replay span { opacity: .75; margin-right: 10px; font-family: inherit; }
nav.toc { position: sticky; top: 0; z-index: 5; background: rgba(255,255,255,.92); backdrop-filter: blur(6px); border-bottom: 1px solid var(--line); }
nav.toc .wrap { display: flex; gap: 18px; overflow-x: auto; white-space: nowrap; padding-top: 10px; padding-bottom: 10px; font-size: 14px; }
nav.toc a { color: var(--muted); font-weight: 500; } nav.toc a:hover { color: var(--ink); }
section { margin: 30px 0; }
h2 { font-size: 20px; margin: 0 0 12px; letter-spacing: -.01em; }
h3 { font-size: 15px; margin: 18px 0 8px; }
.grid { display: grid; gap: 14px; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); }
#verdict .grid { grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 16px 18px; box-shadow: 0 1px 2px rgba(15,23,42,.04); min-width: 0; }
.question { border-top: 4px solid var(--skip); }
.question.pass { border-top-color: var(--pass); } .question.fail { border-top-color: var(--fail); }
.question.error { border-top-color: var(--error); }
.question h3 { margin: 0 0 10px; font-size: 16px; line-height: 1.3; }
.question p { margin: 6px 0 0; color: #334155; font-size: 14px; }
.question .mark { font-weight: 800; margin-right: 6px; } .mark.pass { color: var(--pass); } .mark.fail { color: var(--fail); } .mark.error { color: var(--error); }
.question p b { font-family: var(--mono); font-weight: 600; font-size: 12.5px; color: var(--ink); }
.pill { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 12px; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; }
.pill.pass { color: var(--pass); background: var(--pass-bg); } .pill.fail { color: var(--fail); background: var(--fail-bg); }
.pill.error { color: var(--error); background: var(--error-bg); } .pill.skip { color: var(--skip); background: var(--skip-bg); }
.stats { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); margin-top: 14px; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 12px 16px; }
.stat .n { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
.stat .l { color: var(--muted); font-size: 13px; }
.chart { position: relative; width: 100%; min-height: 120px; }
.chart-card h3 { margin-top: 0; } .chart-card + .chart-card { margin-top: 14px; }
.note { color: var(--muted); font-size: 13px; margin: 6px 0 0; }
.legend-keys { display: flex; flex-wrap: wrap; gap: 14px; font-size: 13px; color: var(--muted); margin: 0 0 8px; }
.key::before { content: ""; display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -2px; }
.key.kill::before { background: #dc2626; width: 3px; } .key.stall::before { background: rgba(220,38,38,.25); }
.key.quiet::before { background: rgba(16,185,129,.25); } .key.page::before { background: rgba(217,119,6,.3); }
.kill-layer { position: absolute; inset: 0; pointer-events: none; }
.kill-marker { position: absolute; top: 0; bottom: 0; width: 0; border-left: 2px solid rgba(220,38,38,.75); }
.kill-marker span { position: absolute; top: 2px; left: 3px; font-size: 10.5px; line-height: 1; padding: 2px 4px; border-radius: 4px;
  background: #fff; color: #b91c1c; border: 1px solid #fecaca; white-space: nowrap; pointer-events: auto; cursor: default; display: none; }
.kill-marker.labelled span { display: block; }
.kill-marker:not(.labelled) { bottom: auto; height: 14px; border-left-width: 1px; }
.kill-marker:not(.labelled) span { width: 6px; height: 14px; left: -3px; top: 0; padding: 0; border: 0; background: transparent; font-size: 0; display: block; }
.kill-marker:nth-child(even).labelled span { top: 18px; }
.uplot { width: 100% !important; } .u-legend { font-size: 13px; } .u-title { font-size: 14px; }
.tbl-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px; background: var(--card); }
table.tbl { border-collapse: collapse; width: 100%; font-size: 13.5px; }
.tbl th { text-align: left; font-weight: 600; color: var(--muted); background: #f8fafc; border-bottom: 1px solid var(--line); padding: 8px 12px; white-space: nowrap; }
.tbl td { padding: 7px 12px; border-bottom: 1px solid #f1f5f9; vertical-align: top; }
.tbl tr:last-child td { border-bottom: 0; }
.tbl td.num, .tbl th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tbl tr.bad td { background: #fff5f5; } .tbl tr.warn td { background: #fffbeb; }
details { margin: 10px 0; } details > summary { cursor: pointer; color: var(--accent); font-size: 14px; margin-bottom: 8px; }
.verdict-card { margin-bottom: 14px; border-left: 4px solid var(--skip); }
.verdict-card.pass { border-left-color: var(--pass); } .verdict-card.fail { border-left-color: var(--fail); }
.verdict-card.error { border-left-color: var(--error); }
.verdict-card header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 10px; }
.verdict-card header h3 { margin: 0; font-family: var(--mono); font-size: 15px; }
.verdict-card .summary { margin: 6px 0 10px; }
dl.kv { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px 16px; margin: 10px 0 12px; }
dl.kv dt { color: var(--muted); font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; }
dl.kv dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
pre.raw { background: #f8fafc; border: 1px solid var(--line); border-radius: 8px; padding: 10px; overflow-x: auto; }
.log { background: #0f172a; color: #e2e8f0; border-radius: 10px; padding: 12px 0; overflow-x: auto; margin: 8px 0 0; font-size: 12.5px; line-height: 1.55; }
.log .ln { display: block; padding: 0 14px; white-space: pre; }
.log .ln.at { background: rgba(248,113,113,.18); box-shadow: inset 3px 0 #f87171; }
.log .t { color: #94a3b8; } .log .s { color: #7dd3fc; } .log .s.err { color: #fca5a5; }
.excerpt h3 { font-family: inherit; margin: 0 0 4px; } .excerpt + .excerpt { margin-top: 14px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 13px; padding: 10px 0 40px; }
@media (max-width: 640px) { body { font-size: 14px; } .wrap { padding: 0 12px; } .card { padding: 14px; } }
`;
