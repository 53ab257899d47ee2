// What every report is a function of (a stored run: history, verdicts, usage, log excerpts),
// and the small shared helpers: the litmus questions, verdict status, run-relative time formatting.
import type { History, UsageSample } from '../store/index.js';
import { mergeValid, type JudgedVerdict, type Validity } from '../checks/index.js';
import { componentOfInstance } from '../common/index.js';

/** One line of an instance log: run-relative time (null when the line carries none), stream, text. */
export interface LogLine {
  t: number | null;
  stream: string;
  text: string;
}

/** Log lines of one instance around a moment worth reading (a failure, an unexpected exit). */
export interface LogExcerpt {
  /** what happened, e.g. "store.0 exited on its own (code 1)" */
  title: string;
  instance: string;
  atMs: number;
  fromMs: number;
  toMs: number;
  lines: LogLine[];
  /** some lines of the window were left out */
  truncated: boolean;
}

/** Everything a report is built from: all of it read from the results database (and the run's logs). */
export interface ReportInput {
  history: History;
  /** the stored verdicts, their evidence parsed (parseVerdict) */
  verdicts: readonly JudgedVerdict[];
  usage: readonly UsageSample[];
  /** the validated scenario as stored with the run (durations in ms) */
  scenario: unknown;
  /** the crashtest version that recorded the run (from its package.json) */
  version: string;
  /** log lines around failures and unexpected exits; none when the logs are gone */
  excerpts: readonly LogExcerpt[];
}

/** How one invariant (or litmus question) ended. */
export type Status = 'pass' | 'fail' | 'error' | 'not checked';

/** One litmus question and the invariant kinds that answer it. */
export interface Question {
  question: string;
  kinds: string[];
}

/** The litmus questions, in order, with the invariants answering each. */
export const QUESTIONS: readonly Question[] = [
  { question: 'Is progress still happening?', kinds: ['progress'] },
  { question: 'Will you keep all important data?', kinds: ['no_loss'] },
  { question: 'Will your system remain consistent?', kinds: ['consistency'] },
  { question: 'Can you say “whatever, it’ll fix itself”?', kinds: ['converge', 'recovery'] },
  { question: 'Will you need to urgently wake up?', kinds: ['wake_up'] },
];

// The status of a validity: true pass, false fail, 'unknown' error (never a pass).
export function statusOf(valid: Validity): Status {
  return valid === true ? 'pass' : valid === false ? 'fail' : 'error';
}

// The merged status of several verdicts; 'not checked' when there are none.
export function statusOfAll(verdicts: readonly JudgedVerdict[]): Status {
  return verdicts.length === 0 ? 'not checked' : statusOf(mergeValid(verdicts.map((v) => v.valid)));
}

/** The answer to one litmus question: its status and the verdicts behind it. */
export interface Answer extends Question {
  status: Status;
  verdicts: JudgedVerdict[];
}

// Answers the litmus questions from the verdicts.
export function answers(verdicts: readonly JudgedVerdict[]): Answer[] {
  return QUESTIONS.map((q) => {
    const mine = verdicts.filter((v) => q.kinds.includes(v.kind));
    return { ...q, status: statusOfAll(mine), verdicts: mine };
  });
}

// The overall outcome: the run's own failure (error, aborted) wins, else the merged verdicts.
export function overall(input: Pick<ReportInput, 'history' | 'verdicts'>): 'passed' | 'failed' | 'error' | 'aborted' | 'running' {
  const { status } = input.history.run;
  if (status === 'error' || status === 'aborted' || status === 'running') return status;
  const merged = statusOfAll(input.verdicts);
  return merged === 'pass' ? 'passed' : merged === 'fail' ? 'failed' : 'error';
}

// The component of an instance: as recorded, else its name without the ".N" replica suffix.
export function componentOf(history: History, instance: string): string {
  return history.instances.find((i) => i.instance === instance)?.component ?? componentOfInstance(instance);
}

// The run's observed length in ms: its end, else the latest time anything was recorded.
export function runEndMs(history: History): number {
  if (history.run.endMs !== null) return history.run.endMs;
  let end = history.run.quietStartMs;
  for (const e of history.events) end = Math.max(end, e.t);
  for (const s of history.samples) end = Math.max(end, s.t);
  for (const op of history.ops) end = Math.max(end, op.endMs);
  return end;
}

// A run-relative time: "12.345 s", or "12:03.5" (minutes) from ten minutes on.
export function fmtT(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 600_000) return `${(ms / 1000).toFixed(3)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m}:${((ms - m * 60_000) / 1000).toFixed(1).padStart(4, '0')}`;
}
