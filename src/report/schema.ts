// report.json described once, as a zod schema: the TypeScript types (z.infer), the published JSON
// Schema (REPORT_SCHEMA, generated) and validation (validate.ts). Times are ms since the run started.
import { z } from 'zod';

/** The format name written in every report.json. */
export const REPORT_FORMAT = 'crashtest-report';
/** Bumped on any incompatible change of the report.json shape. */
export const REPORT_VERSION = 1;

const num = (description: string) => z.number().describe(description);
const int = (description: string) => z.int().min(0).describe(description);
const str = (description: string) => z.string().describe(description);
const bool = (description: string) => z.boolean().describe(description);
const status = z.enum(['pass', 'fail', 'error', 'not checked']).describe('pass | fail | error (the history cannot tell: never a pass) | not checked');
const validity = z.union([z.boolean(), z.literal('unknown')]).describe('true held · false violated · "unknown" could not tell');
const latency = (description: string) => z.strictObject({
  count: int('values measured'), p50: num('median, ms').nullable(), p90: num('90th percentile, ms').nullable(),
  p99: num('99th percentile, ms').nullable(), max: num('slowest, ms').nullable(),
}).describe(description);

const run = z.strictObject({
  id: str('run id, e.g. 20261126-124808-fbef'), name: str('scenario name'), scenarioPath: str('scenario file'),
  seed: int('fault schedule seed'), chaos: bool('whether faults were injected'),
  status: z.enum(['running', 'passed', 'failed', 'error', 'aborted']).describe('run status'),
  startedAt: str('wall-clock start, ISO 8601'), durationMs: num('planned load + chaos duration'),
  chaosStartMs: num('when kills could start'), quietStartMs: num('when the quiet period started'),
  endMs: num('when the run ended').nullable(), exitCode: z.int().nullable().describe('exit code'),
  command: str('the command that replays the run'),
}).describe('the run as recorded in the runs table');

const fault = z.strictObject({
  seq: int('fault number'), scheduledMs: num('planned time'), firedMs: num('when the signal was sent').nullable(),
  instance: str('target instance'), component: str('target component'), kind: str('what the fault did: kill, pause, power-loss'), pid: z.int().nullable().describe('pid signalled'),
  signal: str('signal, e.g. SIGKILL'), skipped: str('why it was not fired').nullable(),
  restartedMs: num('when the replacement was running').nullable(), readyMs: num('when the replacement was ready again').nullable(),
  delayMs: num('firedMs - scheduledMs').nullable(), restartMs: num('restartedMs - firedMs').nullable(),
  recoveryMs: num('fired to recovered (ready, and progressing with a recovery probe)').nullable(),
  why: str('how the target was chosen: rotation, random, or the trigger that fired it').nullable(),
  armed: z.strictObject({
    armedMs: num('when the target was armed'), nth: z.int().optional().describe('it was to land on the nth call of one of the syscalls'), syscall: str('the persistence syscall it died at').nullable(),
    path: str('the file that syscall was about').nullable(), tid: z.int().nullable().describe('the thread that made the call'),
    fellBack: str('why it fell back to a plain kill (no persistence call in time)').nullable(),
  }).nullable().describe('an armed kill: where it landed'),
  healedMs: num('pause / power loss: when the group was continued or the volume mounted again').nullable(),
  victims: z.array(z.string()).describe('power loss: every instance killed with the volume'),
}).describe('one scheduled fault and what became of it');

const instance = z.strictObject({
  component: str('component name'), instance: str('instance name'), generation: int('1 for the first start, +1 per restart'),
  pid: z.int().describe('pid'), spawnedMs: num('spawn time'), readyMs: num('ready time').nullable(),
  endedMs: num('exit time').nullable(), exitCode: z.int().nullable().describe('exit code'), signal: str('terminating signal').nullable(),
  cause: z.enum(['chaos', 'self', 'teardown']).nullable().describe('chaos = killed by a fault · self = exited on its own · teardown = stopped at the end'),
}).describe('one process we started (one generation of an instance)');

const verdict = z.strictObject({
  name: str('invariant name'), kind: str('progress | no_loss | consistency | converge | recovery | wake_up'), valid: validity, status,
  summary: str('one line'),
  evidence: z.unknown().describe('checker-specific evidence, shaped as src/checks/evidence.ts describes; kind names the shape ("crash" when the checker threw)'),
}).describe('a verdict');

const summary = z.strictObject({
  outcome: z.enum(['passed', 'failed', 'error', 'aborted', 'running']).describe('passed | failed | error | aborted | running'),
  observedMs: num('run length observed'), invariants: int('verdicts'), passed: int('verdicts that held'),
  failed: int('verdicts violated'), errors: int('verdicts that could not tell'), faultsScheduled: int('faults planned'),
  faultsFired: int('faults fired'), faultsSkipped: int('faults skipped'), spawns: int('processes started'),
  unexpectedExits: int('exits we did not cause'), ops: int('workload operations'), acked: int('operations acknowledged'),
}).describe('counts that sum the run up');

const componentRecovery = z.strictObject({
  component: str('component'), kills: int('faults fired at it'), recovered: int('of those, recovered'),
  p50: num('median recovery, ms').nullable(), p99: num('99th percentile, ms').nullable(), max: num('slowest, ms').nullable(),
}).describe('one component');

const workload = z.strictObject({
  total: int('operations'), acked: int('acknowledged'), gaveUp: int('deadline passed'), rejected: int('refused'),
  retried: int('needed more than one attempt'), attempts: int('attempts in all'),
  latencyMs: latency('start to ack of acknowledged operations'), attemptLatencyMs: latency('every attempt'),
}).describe('the workload');

/** report.json: one run, its verdicts and their evidence. */
export const reportSchema = z.strictObject({
  format: z.literal(REPORT_FORMAT).describe('always "crashtest-report"'),
  reportVersion: z.literal(REPORT_VERSION).describe('version of this shape'),
  crashtestVersion: str('crashtest version that recorded the run'),
  run,
  settings: z.strictObject({
    seed: int('fault schedule seed'), chaos: bool('faults on'), durationMs: num('planned duration'),
    chaosStartMs: num('kills could start'), quietStartMs: num('quiet period start'),
    scenario: z.unknown().describe('the validated scenario as stored (durations in ms)'),
  }).describe('the settings the run used'),
  summary,
  questions: z.array(z.strictObject({
    question: str('the question'), invariants: z.array(str('invariant name')).describe('verdicts answering it'), status,
  }).describe('one question')).describe('the litmus questions answered'),
  verdicts: z.array(verdict).describe('one per invariant, in check order'),
  faults: z.array(fault).describe('every scheduled fault, by seq'),
  instances: z.array(instance).describe('every process started, in spawn order'),
  recovery: z.array(componentRecovery).describe('recovery time per component'),
  workload,
}).describe('crashtest report: one run, its verdicts and their evidence');

/** The whole of report.json. */
export type ReportDocument = z.infer<typeof reportSchema>;
/** A verdict as reported: its stored fields plus the status word (pass | fail | error). */
export type ReportVerdict = ReportDocument['verdicts'][number];
/** A fault as reported: the stored record plus how late it fired and how long the target took to recover. */
export type ReportFault = ReportDocument['faults'][number];
/** The counts that sum a run up. */
export type ReportSummary = ReportDocument['summary'];

/** A JSON Schema document (draft 2020-12), as z.toJSONSchema emits it. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** The JSON Schema of report.json (draft 2020-12), generated from reportSchema. */
export const REPORT_SCHEMA: JsonSchema = { ...z.toJSONSchema(reportSchema), $id: 'crashtest-report.schema.json' };
