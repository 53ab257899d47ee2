// The JSON Schema (draft 2020-12, a small subset) of report.json, documenting every field;
// validate.ts checks a document against it. Times are ms since the run started unless noted.
import { REPORT_FORMAT, REPORT_VERSION } from './json.js';

/** JSON types a schema can name. */
export type SchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** The subset of JSON Schema used here. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: SchemaType | SchemaType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: (string | number | boolean | null)[];
  const?: string | number | boolean | null;
  minimum?: number;
}

const d = (description: string, schema: JsonSchema): JsonSchema => ({ description, ...schema });
const num = (description: string): JsonSchema => d(description, { type: 'number' });
const int = (description: string): JsonSchema => d(description, { type: 'integer', minimum: 0 });
const str = (description: string): JsonSchema => d(description, { type: 'string' });
const bool = (description: string): JsonSchema => d(description, { type: 'boolean' });
const orNull = (s: JsonSchema): JsonSchema => ({ ...s, type: [s.type as SchemaType, 'null'] });
const obj = (description: string, properties: Record<string, JsonSchema>): JsonSchema =>
  d(description, { type: 'object', properties, required: Object.keys(properties), additionalProperties: false });
const list = (description: string, items: JsonSchema): JsonSchema => d(description, { type: 'array', items });
const status = d('pass | fail | error (the history cannot tell: never a pass) | not checked', { enum: ['pass', 'fail', 'error', 'not checked'] });
const validity = d('true held · false violated · "unknown" could not tell', { type: ['boolean', 'string'], enum: [true, false, 'unknown'] });
const latency = (description: string): JsonSchema => obj(description, {
  count: int('values measured'), p50: orNull(num('median, ms')), p90: orNull(num('90th percentile, ms')),
  p99: orNull(num('99th percentile, ms')), max: orNull(num('slowest, ms')),
});

const run = obj('the run as recorded in the runs table', {
  id: str('run id, e.g. 20261126-124808-fbef'), name: str('scenario name'), scenarioPath: str('scenario file'),
  seed: int('fault schedule seed'), chaos: bool('whether faults were injected'),
  status: d('run status', { enum: ['running', 'passed', 'failed', 'error', 'aborted'] }),
  startedAt: str('wall-clock start, ISO 8601'), durationMs: num('planned load + chaos duration'),
  chaosStartMs: num('when kills could start'), quietStartMs: num('when the quiet period started'),
  endMs: orNull(num('when the run ended')), exitCode: orNull(d('exit code', { type: 'integer' })),
  command: str('the command that replays the run'),
});

const fault = obj('one scheduled fault and what became of it', {
  seq: int('fault number'), scheduledMs: num('planned time'), firedMs: orNull(num('when the signal was sent')),
  instance: str('target instance'), component: str('target component'), kind: str('what the fault did: kill, ...'), pid: orNull(d('pid signalled', { type: 'integer' })),
  signal: str('signal, e.g. SIGKILL'), skipped: orNull(str('why it was not fired')),
  restartedMs: orNull(num('when the replacement was running')), readyMs: orNull(num('when the replacement was ready again')),
  delayMs: orNull(num('firedMs - scheduledMs')), restartMs: orNull(num('restartedMs - firedMs')),
  recoveryMs: orNull(num('fired to recovered (ready, and progressing with a recovery probe)')),
});

const instance = obj('one process we started (one generation of an instance)', {
  component: str('component name'), instance: str('instance name'), generation: int('1 for the first start, +1 per restart'),
  pid: d('pid', { type: 'integer' }), spawnedMs: num('spawn time'), readyMs: orNull(num('ready time')),
  endedMs: orNull(num('exit time')), exitCode: orNull(d('exit code', { type: 'integer' })), signal: orNull(str('terminating signal')),
  cause: d('chaos = killed by a fault · self = exited on its own · teardown = stopped at the end', { type: ['string', 'null'], enum: ['chaos', 'self', 'teardown', null] }),
});

/** The JSON Schema of report.json. */
export const REPORT_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'crashtest-report.schema.json',
  ...obj('crashtest report: one run, its verdicts and their evidence', {
    format: d('always "crashtest-report"', { const: REPORT_FORMAT }),
    reportVersion: d('version of this shape', { const: REPORT_VERSION }),
    crashtestVersion: str('crashtest version that recorded the run'),
    run,
    settings: obj('the settings the run used', {
      seed: int('fault schedule seed'), chaos: bool('faults on'), durationMs: num('planned duration'),
      chaosStartMs: num('kills could start'), quietStartMs: num('quiet period start'),
      scenario: d('the validated scenario as stored (durations in ms)', {}),
    }),
    summary: obj('counts that sum the run up', {
      outcome: d('passed | failed | error | aborted | running', { enum: ['passed', 'failed', 'error', 'aborted', 'running'] }),
      observedMs: num('run length observed'), invariants: int('verdicts'), passed: int('verdicts that held'),
      failed: int('verdicts violated'), errors: int('verdicts that could not tell'), faultsScheduled: int('faults planned'),
      faultsFired: int('faults fired'), faultsSkipped: int('faults skipped'), spawns: int('processes started'),
      unexpectedExits: int('exits we did not cause'), ops: int('workload operations'), acked: int('operations acknowledged'),
    }),
    questions: list('the litmus questions answered', obj('one question', {
      question: str('the question'), invariants: list('verdicts answering it', str('invariant name')), status,
    })),
    verdicts: list('one per invariant, in check order', obj('a verdict', {
      name: str('invariant name'), kind: str('progress | no_loss | consistency | converge | recovery'), valid: validity, status,
      summary: str('one line'), evidence: d('checker-specific evidence (see src/checks)', {}),
    })),
    faults: list('every scheduled fault, by seq', fault),
    instances: list('every process started, in spawn order', instance),
    recovery: list('recovery time per component', obj('one component', {
      component: str('component'), kills: int('faults fired at it'), recovered: int('of those, recovered'),
      p50: orNull(num('median recovery, ms')), p99: orNull(num('99th percentile, ms')), max: orNull(num('slowest, ms')),
    })),
    workload: obj('the workload', {
      total: int('operations'), acked: int('acknowledged'), gaveUp: int('deadline passed'), rejected: int('refused'),
      retried: int('needed more than one attempt'), attempts: int('attempts in all'),
      latencyMs: latency('start to ack of acknowledged operations'), attemptLatencyMs: latency('every attempt'),
    }),
  }),
};
