// junit.xml from literal histories: well-formed, counts right, awkward text escaped and intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJunit } from '../../src/report/index.js';
import { escAttr, escText, jsonForScript } from '../../src/report/escape.js';
import { literalHistory, literalInput } from './fixtures.js';
import { parseXml } from './xml-check.js';

test('one testsuite, one testcase per verdict; failures, errors and tests counted', () => {
  const els = parseXml(renderJunit(literalInput()));
  const suites = els.filter((e) => e.name === 'testsuite');
  assert.equal(suites.length, 1);
  const suite = suites[0].attrs;
  assert.equal(suite.name, 'crashtest: shop');
  assert.deepEqual([suite.tests, suite.failures, suite.errors, suite.time], ['4', '2', '1', '10.200']);
  const cases = els.filter((e) => e.name === 'testcase');
  assert.deepEqual(cases.map((c) => c.attrs.name), ['progress', 'no_loss', 'consistency', 'recovery']);
  assert.ok(cases.every((c) => c.attrs.classname === 'crashtest.shop'));
  assert.equal(els.filter((e) => e.name === 'failure').length, 2);
  assert.equal(els.filter((e) => e.name === 'error').length, 1);
  const root = els[0];
  assert.equal(root.name, 'testsuites');
  assert.equal(root.attrs.tests, '4');
});

test('summaries and evidence with < & quotes and ]]> survive escaping', () => {
  const xml = renderJunit(literalInput());
  assert.ok(!xml.includes(']]>'), 'no raw CDATA terminator');
  const failure = parseXml(xml).filter((e) => e.name === 'failure')[1];
  assert.equal(failure.attrs.message, 'lost 1 of 2 acknowledged writes (first "k2" <b>&</b> \'x\' ]]> end)');
  assert.match(failure.text, /missing "k2<\/script><script>alert\(1\)<\/script>" acked at 2\.400 s/);
  const progress = parseXml(xml).filter((e) => e.name === 'failure')[0];
  assert.match(progress.text, /stall 2\.000 s \.\. 9\.000 s \(7 s\) after fault 2 \(worker\.0 at 4\.100 s\)/);
});

test('a scenario name with markup is escaped in suite and class names', () => {
  const history = literalHistory('a<b & "c"');
  const els = parseXml(renderJunit(literalInput({ history })));
  assert.equal(els.find((e) => e.name === 'testsuite')?.attrs.name, 'crashtest: a<b & "c"');
  assert.equal(els.find((e) => e.name === 'testcase')?.attrs.classname, 'crashtest.a<b & "c"');
});

test('a run that ended in error without verdicts is one erroring testcase', () => {
  const history = literalHistory();
  history.run.status = 'error';
  history.run.exitCode = 3;
  const els = parseXml(renderJunit(literalInput({ history, verdicts: [] })));
  const suite = els.find((e) => e.name === 'testsuite')?.attrs;
  assert.deepEqual([suite?.tests, suite?.failures, suite?.errors], ['1', '0', '1']);
  assert.match(els.find((e) => e.name === 'error')?.attrs.message ?? '', /status error \(exit 3\)/);
});

test('escapers: text, attributes, control characters and JSON inside a script block', () => {
  assert.equal(escText('a<b>&]]>'), 'a&lt;b&gt;&amp;]]&gt;');
  assert.equal(escAttr(`"q" 'a'\nb`), '&quot;q&quot; &#39;a&#39;&#10;b');
  assert.equal(escText('bell\u0007 nul\u0000'), 'bell\uFFFD nul\uFFFD');
  const json = jsonForScript({ s: '</script><!-- & \u2028' });
  assert.ok(!json.includes('<') && !json.includes('>') && !json.includes('&'));
  assert.deepEqual(JSON.parse(json), { s: '</script><!-- & \u2028' });
});
