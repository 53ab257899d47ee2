// report.json from literal histories: valid against its schema, the validator catches bad shapes, the
// published JSON Schema is generated from the same schema,
// and the numbers (faults, recovery, workload, summary) are what the history says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_SCHEMA, renderJson, validateReport, type JsonSchema, type ReportDocument } from '../../src/report/index.js';
import { literalInput } from './fixtures.js';

test('the report of a literal run is valid against the schema', () => {
  const doc = JSON.parse(renderJson(literalInput())) as ReportDocument;
  assert.deepEqual(validateReport(doc), []);
  assert.equal(doc.format, 'crashtest-report');
  assert.equal(doc.reportVersion, 1);
});

test('the validator reports missing, extra and mistyped fields with their paths', () => {
  const doc = JSON.parse(renderJson(literalInput())) as Record<string, unknown>;
  delete doc.summary;
  (doc.run as Record<string, unknown>).seed = 'seven';
  (doc.run as Record<string, unknown>).exitCode = 1.5;
  doc.reportVersion = 2;
  (doc.faults as Record<string, unknown>[])[0].extra = 1;
  (doc.verdicts as Record<string, unknown>[])[0].status = 'maybe';
  const problems = validateReport(doc);
  assert.ok(problems.includes('$: missing required "summary"'), problems.join('\n'));
  assert.ok(problems.includes('$.run.seed: expected number, got string'), problems.join('\n'));
  assert.ok(problems.includes('$.run.exitCode: expected integer, got number'), problems.join('\n'));
  assert.ok(problems.includes('$.reportVersion: expected 1, got 2'), problems.join('\n'));
  assert.ok(problems.includes('$.faults[0]: unexpected property "extra"'), problems.join('\n'));
  assert.ok(problems.includes('$.verdicts[0].status: "maybe" is not one of ["pass","fail","error","not checked"]'), problems.join('\n'));
  assert.equal(problems.length, 6, problems.join('\n'));
});

test('REPORT_SCHEMA is the JSON Schema of the same shape: every field required, none extra, documented', () => {
  assert.equal(REPORT_SCHEMA.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(REPORT_SCHEMA.$id, 'crashtest-report.schema.json');
  const doc = JSON.parse(renderJson(literalInput())) as Record<string, unknown>;
  assert.deepEqual(REPORT_SCHEMA.required, Object.keys(doc));
  assert.equal(REPORT_SCHEMA.additionalProperties, false);
  const run = (REPORT_SCHEMA.properties as Record<string, JsonSchema>).run;
  assert.deepEqual((run.properties as Record<string, JsonSchema>).seed, { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'fault schedule seed' });
  assert.equal((REPORT_SCHEMA.properties as Record<string, JsonSchema>).reportVersion.const, 1);
});

test('summary, faults, recovery and workload numbers come from the history', () => {
  const doc = JSON.parse(renderJson(literalInput())) as ReportDocument;
  assert.deepEqual(
    { ...doc.summary },
    { outcome: 'failed', observedMs: 10_200, invariants: 4, passed: 1, failed: 2, errors: 1, faultsScheduled: 3, faultsFired: 2,
      faultsSkipped: 1, spawns: 5, unexpectedExits: 1, ops: 4, acked: 2 },
  );
  assert.deepEqual(doc.questions.map((q) => q.status), ['fail', 'fail', 'error', 'pass', 'not checked']);
  const [f1, f2, f3] = doc.faults;
  assert.equal(f1.delayMs, 0.5);
  assert.equal(f1.recoveryMs, 199.5);
  assert.equal(f2.recoveryMs, null, 'never ready again');
  assert.equal(f3.delayMs, null);
  assert.deepEqual(doc.recovery.map((r) => [r.component, r.kills, r.recovered, r.max]), [['api', 1, 1, 199.5], ['worker', 1, 0, null]]);
  assert.deepEqual([doc.workload.total, doc.workload.acked, doc.workload.gaveUp, doc.workload.rejected, doc.workload.retried, doc.workload.attempts], [4, 2, 1, 1, 1, 5]);
  assert.deepEqual([doc.workload.latencyMs.p50, doc.workload.latencyMs.max], [10, 350]);
  assert.equal(doc.settings.scenario !== null, true);
});
