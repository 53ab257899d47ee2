// The fifth question in every output: a wake_up verdict judged on a literal history (a crash loop whose
// last line carries markup) is a card in report.html, a JUnit failure with its pages, and valid report.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWakeUp, parseVerdict } from '../../src/checks/index.js';
import { buildReport, renderHtml, renderJunit, validateReport } from '../../src/report/index.js';
import type { History } from '../../src/store/index.js';
import { literalHistory, literalInput, literalJudged } from './fixtures.js';

const LAST = 'panic: <config> & "queue" missing';

// The literal run, with worker.0 exiting on its own three times in a second (each exit carrying its lines).
function crashLooping(): History {
  const history = literalHistory();
  const exits = [3_000, 3_400, 3_900].map((t, i) => ({
    type: 'component.exited' as const, t, instance: 'worker.0', pid: 201 + i, code: 3, signal: null, cause: 'self' as const, uptimeMs: 50, tail: ['booting', LAST],
  }));
  return { ...history, events: [...history.events, ...exits] };
}

function input() {
  const history = crashLooping();
  const verdict = checkWakeUp(history, { backWithinMs: 5_000, crashLoop: { exits: 3, withinMs: 60_000 }, availability: 0.99, latency: null, alerts: null });
  const judged = parseVerdict({ ...verdict, evidence: JSON.parse(JSON.stringify(verdict.evidence)) });
  return literalInput({ history, verdicts: [...literalJudged(), judged] });
}

test('report.html answers the fifth question with a card, and lists each page with its escaped last lines', () => {
  const html = renderHtml(input());
  assert.ok(html.includes('Will you need to urgently wake up?'));
  assert.match(html, /<article class="card verdict-card [^"]*" id="inv-wake_up">/);
  assert.ok(html.includes('worker.0 crash-looped: 3 exits of its own (code 3), the first 3 within 900 ms'));
  assert.ok(html.includes('<code>panic: &lt;config&gt; &amp; "queue" missing</code>'), 'the last line, in the pages table');
  assert.ok(!html.includes(LAST), 'the line is escaped');
  // the charts shade each page: the crash loop from 3.9 s (its third exit) to the end of the run (10.2 s), and
  // the two operations of four that failed (rejected at 5.01 s, gave up at 7.2 s), each while the slow burn's
  // short window (a twelfth of 10 s, halved: 417 ms) still holds it
  const data = /<script type="application\/json"[^>]*>([^<]*)<\/script>/.exec(html);
  assert.ok(data, 'the chart data block');
  assert.deepEqual(JSON.parse(data[1]).pages, [[3.9, 10.2], [5.01, 5.427], [7.2, 7.617]]);
  assert.ok(html.includes('<span class="key page">would have paged</span>'));
});

test('junit.xml has a wake_up testcase failing with the page, its time and the last lines', () => {
  const xml = renderJunit(input());
  assert.match(xml, /<testcase classname="crashtest\.shop" name="wake_up" time="0">\n {6}<failure message="yes, at 3\.9 s: worker\.0 crash-looped/);
  assert.ok(xml.includes('page at 3.900 s (still on at the end): worker.0 crash-looped'));
  assert.ok(xml.includes('  | panic: &lt;config&gt; &amp; "queue" missing'));
});

test('report.json answers five questions and its wake_up evidence fits the published schema', () => {
  const doc = buildReport(input());
  assert.deepEqual(doc.questions.map((q) => [q.question, q.invariants, q.status]).at(-1), ['Will you need to urgently wake up?', ['wake_up'], 'fail']);
  assert.equal(doc.questions.length, 5);
  const problems = validateReport(JSON.parse(JSON.stringify(doc)));
  assert.deepEqual(problems, []);
});
