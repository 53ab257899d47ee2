// Scale: a synthetic one-hour run (20 components, 1 s samples, 360 kills, 100k operations) renders
// into a report.html under 3 MB with its series aggregated; the time taken is logged, not asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtml, renderJson, renderJunit, syntheticRun, validateReport } from '../../src/report/index.js';

test('a one-hour synthetic run renders under 3 MB, deterministically', () => {
  const input = syntheticRun();
  assert.equal(input.history.ops.length, 100_000);
  assert.equal(input.history.faults.filter((f) => f.firedMs !== null).length, 360);
  assert.equal(new Set(input.usage.map((u) => u.instance)).size, 20);
  assert.ok(input.usage.length >= 20 * 3599, '1 s samples for every component');
  const started = performance.now();
  const html = renderHtml(input);
  const json = renderJson(input);
  const junit = renderJunit(input);
  const ms = performance.now() - started;
  const bytes = Buffer.byteLength(html);
  console.log(`synthetic 1 h run: report.html ${(bytes / 1e6).toFixed(2)} MB, report.json ${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB, rendered in ${ms.toFixed(0)} ms`);
  assert.ok(bytes < 3_000_000, `report.html is ${bytes} bytes`);
  assert.deepEqual(validateReport(JSON.parse(json)), []);
  assert.match(junit, /tests="5"/);
  const data = JSON.parse(/<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null');
  assert.ok(data.ops.t.length <= 1200 && data.usage.t.length <= 1200, 'series are aggregated into at most 1200 points');
  assert.equal(data.kills.length, 360);
  assert.equal(renderHtml(syntheticRun()), html, 'the same seed renders the same page');
});
