// report.html from literal histories, without a browser: strict CSP with matching hashes, no external
// URL, embedded JSON that cannot break out of its block, escaped log lines; and the log excerpt reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderHtml, type ReportInput } from '../../src/report/index.js';
import { collectExcerpts, excerptLines, parseLog } from '../../src/report/logs.js';
import { tempDir } from '../helpers.js';
import { literalHistory, literalInput, literalJudged } from './fixtures.js';

const XSS = '<script>alert(1)</script>';

// The contents of every <script> element, with its attributes.
function scripts(html: string): { attrs: string; body: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1], body: m[2] }));
}

// The embedded chart data.
function embedded(html: string): { name: string; kills: unknown[] } {
  const block = scripts(html).find((s) => s.attrs.includes('application/json'));
  assert.ok(block, 'a data block');
  return JSON.parse(block.body);
}

test('a strict CSP meta tag whose hashes are those of the inline script and style blocks', () => {
  const html = renderHtml(literalInput());
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /img-src data:/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const code = scripts(html).filter((s) => s.attrs.trim() === '');
  assert.equal(code.length, 2, 'uPlot and the page script');
  for (const s of code) assert.ok(csp.includes(hash(s.body)), 'script hash in the CSP');
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  assert.ok(csp.includes(hash(style)), 'style hash in the CSP');
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'no style attribute (the CSP would block it)');
});

test('no external URL in any src or href, no external script or stylesheet', () => {
  const html = renderHtml(literalInput());
  assert.doesNotMatch(html, /\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  assert.doesNotMatch(html, /<script[^>]+src=/i);
  assert.doesNotMatch(html, /<link[^>]+rel="?stylesheet/i);
  assert.ok(html.includes('uPlot'), 'uPlot is inlined');
});

test('the embedded JSON escapes </script> and still parses to the original text', () => {
  const history = literalHistory(`evil</script>${XSS}`);
  const html = renderHtml(literalInput({ history }));
  const block = scripts(html).find((s) => s.attrs.includes('application/json'));
  assert.ok(block && !block.body.includes('<'), 'no < inside the data block');
  assert.equal(embedded(html).name, `evil</script>${XSS}`);
  assert.equal(scripts(html).length, 3, 'the name did not open or close a script');
  assert.ok(html.includes('evil&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'), 'the visible name is escaped');
});

test('the verdict answers the litmus questions, with one kill per fired fault in the chart data', () => {
  const html = renderHtml(literalInput());
  for (const q of ['Is progress still happening?', 'Will you keep all important data?', 'Will your system remain consistent?']) assert.ok(html.includes(q));
  assert.match(html, /<span class="pill fail">fail<\/span>/);
  assert.match(html, /<span class="pill error">error<\/span>/);
  assert.ok(html.includes('npx crashtest run shop.yml --seed 7'), 'the replay command');
  assert.equal(embedded(html).kills.length, 2);
  assert.ok(html.includes('k2&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'), 'evidence is escaped');
});

test('log excerpts are escaped line by line', () => {
  const input: ReportInput = literalInput({
    excerpts: [{ title: 'worker.0 (pid 201) exited on its own (code 3)', instance: 'worker.0', atMs: 3_000, fromMs: 0, toMs: 6_000, truncated: false,
      lines: [{ t: 2_990, stream: 'err', text: XSS }, { t: null, stream: '', text: 'a & b' }] }],
  });
  const html = renderHtml(input);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!html.includes(XSS));
  assert.ok(html.includes('a &amp; b'));
});

test('log lines: times parsed, untimed lines take the next time, windows kept near the moment', () => {
  const lines = parseLog('--- generation 1: pid 5\n+1.000s out hello\n+2.500s err boom\n+9.000s out later\n');
  assert.deepEqual(lines.map((l) => [l.t, l.at, l.stream, l.text]), [
    [null, 1000, '', '--- generation 1: pid 5'], [1000, 1000, 'out', 'hello'], [2500, 2500, 'err', 'boom'], [9000, 9000, 'out', 'later'],
  ]);
  assert.deepEqual(excerptLines(lines, 2_000).lines.map((l) => l.text), ['--- generation 1: pid 5', 'hello', 'boom']);
  const many = parseLog(Array.from({ length: 100 }, (_, i) => `+${(i / 100).toFixed(3)}s out line ${i}`).join('\n'));
  const cut = excerptLines(many, 500);
  assert.equal(cut.lines.length, 40);
  assert.ok(cut.truncated);
  assert.ok(cut.lines.some((l) => l.text === 'line 50'));
});

test('excerpts are read around exits of their own and failures, from <out>/logs/<instance>.log', async () => {
  const logs = path.join(tempDir(), 'logs');
  mkdirSync(logs);
  writeFileSync(path.join(logs, 'worker.0.log'), `+2.900s err ${XSS}\n+2.950s err panic: disk full\n+8.000s out much later\n`);
  writeFileSync(path.join(logs, 'api.0.log'), '+2.100s out serving\n');
  const excerpts = await collectExcerpts(literalHistory(), literalJudged(), logs);
  const exit = excerpts.find((x) => x.title.includes('exited on its own'));
  assert.ok(exit, 'the exit of worker.0 is excerpted');
  assert.deepEqual(exit.lines.map((l) => l.text), [XSS, 'panic: disk full']);
  assert.match(exit.title, / · progress: no progress from 2\.000 s/, 'the same lines around the stall are shown once, under both titles');
  assert.equal(excerpts.filter((x) => x.instance === 'worker.0').length, 1);
  assert.ok(excerpts.some((x) => x.instance === 'api.0' && x.lines[0].text === 'serving'), 'api.0 logged around the stall too');
  assert.deepEqual(await collectExcerpts(literalHistory(), literalJudged(), path.join(logs, 'missing')), []);
});

test('the run\'s warnings (a rotated log, dropped lines) are listed in the report, escaped; none means no section', () => {
  const input = literalInput();
  assert.doesNotMatch(renderHtml(input), /<h3>Warnings<\/h3>/);
  const message = `logs/api.0.log rotated at 32 MiB: earlier output in api.0.log.1, older output discarded ${XSS}`;
  const events = [...input.history.events, { type: 'run.note' as const, t: 1_500, level: 'warn' as const, message }, { type: 'run.note' as const, t: 1_600, level: 'info' as const, message: 'setup: mkdir' }];
  const html = renderHtml({ ...input, history: { ...input.history, events } });
  assert.match(html, /<h3>Warnings<\/h3>/);
  assert.ok(html.includes('logs/api.0.log rotated at 32 MiB: earlier output in api.0.log.1, older output discarded &lt;script&gt;'));
  assert.doesNotMatch(html, /<td>setup: mkdir<\/td>/, 'info notes are not warnings');
});
