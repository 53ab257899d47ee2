// The top of the report page: the verdict banner (outcome, scenario, seed, duration, version, replay
// command), the litmus questions answered, and the headline numbers.
import { answers, overall, runEndMs, statusOf, type ReportInput } from '../input.js';
import { opStats } from '../stats.js';
import { esc, int, pill, statusClass } from './markup.js';
import { formatMs } from '../../common/index.js';

const WORDS: Record<ReturnType<typeof overall>, string> = {
  passed: 'Passed', failed: 'Failed', error: 'Error', aborted: 'Aborted', running: 'Still running',
};

const MARKS: Record<string, string> = { pass: '✓', fail: '✗', error: '?', 'not checked': '–' };

// A one-line description of the outcome under the big word.
function headline(input: ReportInput): string {
  const { verdicts } = input;
  const failed = verdicts.filter((v) => v.valid === false).map((v) => v.name);
  const unknown = verdicts.filter((v) => v.valid === 'unknown').map((v) => v.name);
  const outcome = overall(input);
  if (outcome === 'passed') return `every invariant held (${verdicts.length})`;
  if (outcome === 'aborted') return 'crashtest was stopped before the run ended; judged on the history it left';
  const parts = [...(failed.length ? [`violated: ${failed.join(', ')}`] : []), ...(unknown.length ? [`could not tell: ${unknown.join(', ')}`] : [])];
  return parts.length ? parts.join(' · ') : `the run ended with status ${input.history.run.status}`;
}

// The coloured banner at the top.
export function banner(input: ReportInput): string {
  const { run } = input.history;
  const outcome = overall(input);
  const facts: [string, string][] = [
    ['scenario', run.name], ['run', run.id], ['seed', String(run.seed)],
    ['duration', `${formatMs(runEndMs(input.history))} (planned ${formatMs(run.durationMs)})`],
    ['chaos', run.chaos ? 'on' : 'off (baseline)'], ['started', run.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')],
    ['crashtest', input.version],
  ];
  return `<header class="banner ${outcome}"><div class="wrap">
<p class="verdict">crashtest · the kill -9 litmus test</p>
<h1><span class="word">${esc(WORDS[outcome])}</span>${esc(run.name)}</h1>
<p>${esc(headline(input))}</p>
<ul class="facts">${facts.map(([k, v]) => `<li><b>${esc(k)}</b>${esc(v)}</li>`).join('')}</ul>
<div class="replay mono"><span>replay</span>${esc(run.command)}</div>
</div></header>`;
}

// The sticky table of contents.
export function toc(sections: readonly [string, string][]): string {
  return `<nav class="toc"><div class="wrap">${sections.map(([id, title]) => `<a href="#${esc(id)}">${esc(title)}</a>`).join('')}</div></nav>`;
}

// The five litmus questions, each with its status and the summaries of the invariants answering it.
export function questions(input: ReportInput): string {
  const cards = answers(input.verdicts).map((a) => {
    const why = input.verdicts.length === 0 ? 'the run ended before its checks' : `add ${a.kinds.join(' / ')} under invariants`;
    const lines = a.verdicts.length === 0
      ? `<p class="empty">${esc(`not checked: ${why}`)}</p>`
      : a.verdicts.map((v) => `<p><span class="mark ${statusOf(v.valid)}">${MARKS[statusOf(v.valid)]}</span><b>${esc(v.name)}</b> ${esc(v.summary)}</p>`).join('');
    return `<div class="card question ${statusClass(a.status)}"><h3>${esc(a.question)}</h3>${pill(a.status)}${lines}</div>`;
  });
  return `<section id="verdict"><div class="grid">${cards.join('\n')}</div>${stats(input)}</section>`;
}

// The headline numbers: kills, restarts, exits of their own, operations, latency.
function stats(input: ReportInput): string {
  const { history } = input;
  const fired = history.faults.filter((f) => f.firedMs !== null).length;
  const ops = opStats(history.ops);
  const restarts = history.instances.filter((i) => i.generation > 1).length;
  const selfExits = history.instances.filter((i) => i.cause === 'self').length;
  const items: [string, string][] = [
    [`${int(fired)}`, `kills fired of ${int(history.faults.length)} scheduled`],
    [int(restarts), 'restarts'],
    [int(selfExits), 'exits we did not cause'],
    [int(ops.acked), `ops acknowledged of ${int(ops.total)}`],
    [int(ops.retried), 'ops retried'],
    [int(ops.gaveUp), 'ops gave up'],
    [formatMs(ops.latencyMs.p99), 'p99 ack latency'],
  ];
  return `<div class="stats">${items.map(([n, l]) => `<div class="stat"><div class="n">${esc(n)}</div><div class="l">${esc(l)}</div></div>`).join('')}</div>`;
}
