// report.json: a stored run as one versioned, documented object (its shape: schema.ts):
// run info, settings, the litmus answers, verdicts with evidence, faults, instances, workload, summary.
import { answers, overall, runEndMs, statusOf, type ReportInput } from './input.js';
import { REPORT_FORMAT, REPORT_VERSION, type ReportDocument, type ReportFault, type ReportSummary, type ReportVerdict } from './schema.js';
import { measuredRecovery, opStats, recoveryByComponent, recoveryTimes, type OpStats } from './stats.js';

// The faults with their delay, restart and recovery times.
function reportFaults(input: ReportInput): ReportFault[] {
  const times = recoveryTimes(input.history, measuredRecovery(input.verdicts));
  return input.history.faults.map((f) => ({
    ...f,
    delayMs: f.firedMs === null ? null : f.firedMs - f.scheduledMs,
    restartMs: f.firedMs === null || f.restartedMs === null ? null : f.restartedMs - f.firedMs,
    recoveryMs: times.get(f.seq) ?? null,
  }));
}

// The summary counts.
function summarize(input: ReportInput, workload: OpStats): ReportSummary {
  const { history, verdicts } = input;
  const count = (valid: ReportVerdict['valid']): number => verdicts.filter((v) => v.valid === valid).length;
  const fired = history.faults.filter((f) => f.firedMs !== null).length;
  return {
    outcome: overall(input),
    observedMs: runEndMs(history),
    invariants: verdicts.length,
    passed: count(true),
    failed: count(false),
    errors: count('unknown'),
    faultsScheduled: history.faults.length,
    faultsFired: fired,
    faultsSkipped: history.faults.filter((f) => f.skipped !== null).length,
    spawns: history.instances.length,
    unexpectedExits: history.instances.filter((i) => i.cause === 'self').length,
    ops: workload.total,
    acked: workload.acked,
  };
}

// Builds the report document of a stored run.
export function buildReport(input: ReportInput): ReportDocument {
  const { history } = input;
  const { run } = history;
  const workload = opStats(history.ops);
  const faults = reportFaults(input);
  const times = new Map(faults.map((f) => [f.seq, f.firedMs === null ? undefined : f.recoveryMs] as const));
  const fired = new Map([...times].filter((e): e is [number, number | null] => e[1] !== undefined));
  return {
    format: REPORT_FORMAT,
    reportVersion: REPORT_VERSION,
    crashtestVersion: input.version,
    run,
    settings: {
      seed: run.seed, chaos: run.chaos, durationMs: run.durationMs, chaosStartMs: run.chaosStartMs,
      quietStartMs: run.quietStartMs, scenario: input.scenario ?? null,
    },
    summary: summarize(input, workload),
    questions: answers(input.verdicts).map((a) => ({ question: a.question, invariants: a.verdicts.map((v) => v.name), status: a.status })),
    verdicts: input.verdicts.map((v) => ({ name: v.name, kind: v.kind, valid: v.valid, status: statusOf(v.valid), summary: v.summary, evidence: v.evidence })),
    faults,
    instances: history.instances,
    recovery: recoveryByComponent(history.faults, fired),
    workload,
  };
}

// report.json as text (two-space indented, newline-terminated).
export function renderJson(input: ReportInput): string {
  return `${JSON.stringify(buildReport(input), null, 2)}\n`;
}
