// junit.xml: one testsuite per run, one testcase per invariant, for CI test tabs; a failed invariant
// is a <failure> with its evidence, an 'unknown' one an <error>; a run that broke is an <error> too.
import type { JudgedVerdict } from '../checks/index.js';
import { escAttr, escText } from './escape.js';
import { evidenceLines } from './evidence-text.js';
import { runEndMs, type ReportInput } from './input.js';

/** One testcase: its invariant name and, unless it passed, what went wrong. */
interface Case {
  name: string;
  outcome: 'pass' | 'failure' | 'error';
  message: string;
  body: string;
}

// The testcases: one per verdict; a run that ended in error/aborted without verdicts gets a "run" case.
function cases(input: ReportInput): Case[] {
  const fromVerdict = (v: JudgedVerdict): Case => ({
    name: v.name,
    outcome: v.valid === true ? 'pass' : v.valid === false ? 'failure' : 'error',
    message: v.summary,
    body: evidenceLines(v).join('\n'),
  });
  const list = input.verdicts.map(fromVerdict);
  const { status, exitCode } = input.history.run;
  if (status === 'error' || status === 'aborted') {
    list.push({ name: 'run', outcome: 'error', message: `the run ended with status ${status} (exit ${exitCode ?? '?'})`, body: '' });
  }
  return list;
}

// One <testcase> element.
function testcase(c: Case, classname: string): string {
  const open = `    <testcase classname="${escAttr(classname)}" name="${escAttr(c.name)}" time="0"`;
  if (c.outcome === 'pass') return `${open}/>`;
  const tag = c.outcome;
  return `${open}>\n      <${tag} message="${escAttr(c.message)}" type="${tag === 'failure' ? 'violated' : 'unknown'}">${escText(c.body)}</${tag}>\n    </testcase>`;
}

// Properties that identify and replay the run.
function properties(input: ReportInput): string {
  const { run } = input.history;
  const props: [string, string][] = [
    ['run', run.id], ['seed', String(run.seed)], ['chaos', String(run.chaos)], ['status', run.status],
    ['command', run.command], ['crashtest', input.version],
  ];
  return props.map(([k, v]) => `      <property name="${escAttr(k)}" value="${escAttr(v)}"/>`).join('\n');
}

// junit.xml of a stored run.
export function renderJunit(input: ReportInput): string {
  const { run } = input.history;
  const list = cases(input);
  const failures = list.filter((c) => c.outcome === 'failure').length;
  const errors = list.filter((c) => c.outcome === 'error').length;
  const time = (runEndMs(input.history) / 1000).toFixed(3);
  const counts = `tests="${list.length}" failures="${failures}" errors="${errors}" skipped="0" time="${time}"`;
  const suiteName = `crashtest: ${run.name}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="crashtest" ${counts}>`,
    `  <testsuite name="${escAttr(suiteName)}" ${counts} timestamp="${escAttr(run.startedAt)}" id="${escAttr(run.id)}">`,
    `    <properties>\n${properties(input)}\n    </properties>`,
    ...list.map((c) => testcase(c, `crashtest.${run.name}`)),
    `    <system-out>${escText(`replay: ${run.command}`)}</system-out>`,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
