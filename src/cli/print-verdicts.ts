// The end of a run on the terminal: one line per invariant, the verdict, the way to replay it.
import path from 'node:path';
import { Chalk } from 'chalk';
import type { RunResult } from '../run/index.js';
import { reportError } from './exit-codes.js';
import { printEscaped } from './print-escaped.js';
import type { Verdict } from '../checks/index.js';

/** One line per invariant: PASS / FAIL / ERROR (the probe or checker broke), name, summary. */
export function printVerdictLines(verdicts: readonly Verdict[]): void {
  const c = new Chalk({ level: process.stdout.isTTY && !process.env.NO_COLOR ? 1 : 0 });
  for (const verdict of verdicts) {
    const mark = verdict.valid === true ? c.green('PASS ') : verdict.valid === false ? c.red('FAIL ') : c.yellow('ERROR');
    process.stdout.write(`  ${mark} ${verdict.name.padEnd(12)} ${verdict.summary}\n`);
  }
}

/** Prints the verdict lines (or the error) of a finished run. */
export function printVerdicts(result: RunResult): void {
  const c = new Chalk({ level: process.stdout.isTTY && !process.env.NO_COLOR ? 1 : 0 });
  if (result.status === 'aborted') {
    process.stdout.write(`run ${result.runId} aborted; every component was stopped\n`);
  } else if (result.error) {
    reportError(result.error);
  }
  if (result.status === 'aborted' || result.error) {
    printEscaped(result.escaped ?? []);
    printReportLine(result);
    return;
  }
  process.stdout.write('\n');
  printVerdictLines(result.judgement?.verdicts ?? []);
  printEscaped(result.escaped ?? []);
  const verdict = result.exitCode === 0 ? c.green.bold('PASSED') : c.red.bold('FAILED');
  process.stdout.write(`\n${verdict}: run ${result.runId} (exit ${result.exitCode})\n`);
  printReportLine(result);
}

// The last line points at the report (or says why there is none).
function printReportLine(result: RunResult): void {
  if (result.reports) process.stdout.write(`report: ${shortPath(result.reports.html)}\n`);
  else if (result.reportError) process.stderr.write(`warning: no report written: ${result.reportError}\n`);
}

function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}
