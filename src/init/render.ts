// The text of a starting scenario: every block explained in comments, every question without an
// answer left as a commented example, so the file is valid and runnable as written.
import type { ComponentAnswer, InitAnswers, ProbeAnswer } from './answers.js';

/** The first line: editors using yaml-language-server check the file against the shipped schema. */
export const SCHEMA_LINE = '# yaml-language-server: $schema=node_modules/crashtest/schema/scenario.schema.json';

/** A YAML double-quoted scalar (JSON's string syntax is YAML's). */
const q = (text: string): string => JSON.stringify(text);

/** Renders the scenario for `file` (its name is used in the comments' commands). */
export function renderScenario(answers: InitAnswers, file: string): string {
  return [
    SCHEMA_LINE,
    `# A starting crashtest scenario, written by \`crashtest init\`. Check it: crashtest validate ${file}`,
    `# Run it: crashtest run ${file} (a shorter try: --duration 20s --interval 3s). Every key and its default:`,
    '# the README\'s scenario reference, or `crashtest schema`.',
    `name: ${q(answers.name)}`,
    'duration: 60s                # load and chaos, the quiet period at the end included',
    '',
    ...componentsBlock(answers.components),
    '',
    ...chaosBlock(),
    '',
    ...workloadBlock(answers),
    '',
    ...probesBlock(answers),
    '',
    ...invariantsBlock(answers),
    '',
  ].join('\n');
}

function componentsBlock(components: ComponentAnswer[]): string[] {
  return [
    '# The processes of your system, started in this order, each in its own process group, from this file\'s',
    '# folder. A chaos kill is a SIGKILL of the whole group; crashtest restarts the instance at once and expects',
    '# the system to recover by itself: no shutdown code runs, ever. Their output: reports/<run>/logs/.',
    'components:',
    ...components.flatMap((c) => [
      `  - name: ${q(c.name)}`,
      `    command: ${q(c.command)}   # a string is run by /bin/sh -c; or an argv list`,
      ...(c.port ? ['    port: auto                 # a free port: ${self.port} here, ${components.' + c.name + '.port} elsewhere, and $PORT'] : []),
      ...readyLines(c),
    ]),
  ];
}

function readyLines(c: ComponentAnswer): string[] {
  const timeout = 'timeout: 10s';
  if (c.ready && 'http' in c.ready) return [`    ready: { http: ${q(c.ready.http)}, ${timeout} }   # ready when it answers 2xx; never ready ⇒ exit 3`];
  if (c.ready) return [`    ready: { log: ${q(c.ready.log)}, ${timeout} }   # ready when an output line matches; never ready ⇒ exit 3`];
  return ['    # ready: { http: "http://127.0.0.1:${self.port}/health" }   # without a check it is ready once started;',
    '    #   or { log: "listening" }, { tcp: "${self.port}" }, { command: [./is-ready.sh] }'];
}

function chaosBlock(): string[] {
  return [
    '# The faults: one every interval, on a component chosen in turn, never in the quiet period at the end,',
    '# when the system must settle by itself. The seed is printed; `--seed N` replays the same schedule.',
    'chaos:',
    '  interval: 10s',
    '  # quiet: 15s                  # default: the last quarter of the run',
    '  faults:',
    '    - { kind: kill }             # SIGKILL of the process group, then a restart',
    '    # - { kind: pause, duration: 6s }   # SIGSTOP, then SIGCONT: outlives a lease or a timeout',
    '  # targets: [api]               # default: every component (killable: false on one to spare it)',
    '  # at: persistence              # land each fault on an fsync/rename/pwrite of the target (needs strace)',
  ];
}

function workloadBlock(answers: InitAnswers): string[] {
  const intro = [
    '# The client: operations at a steady rate, each with an idempotency key (header Idempotency-Key) and a',
    '# deadline (header X-Deadline); connection errors, timeouts, 5xx and 429 are retried with backoff until',
    '# acknowledged (2xx) or the ttl runs out. Acknowledged keys are what no_loss checks.',
  ];
  if (!answers.workload) {
    return [...intro, '# workload:',
      '#   http: { method: POST, url: "http://127.0.0.1:${components.api.port}/put?key=${key}" }   # ${key}, ${seq}, ${uuid}',
      '#   rate: 5                    # operations per second',
      '#   ttl: 10s                   # each operation\'s deadline'];
  }
  return [...intro, 'workload:',
    `  http: { method: ${answers.method}, url: ${q(answers.workload)} }   # \${key}, \${seq}, \${uuid} are filled per operation`,
    '  rate: 5                      # operations started per second',
    '  ttl: 10s                     # each operation\'s deadline: retried until acknowledged or this runs out'];
}

/** One line per probe: its name, what it reads and how it is parsed. */
function probeLine(name: string, probe: ProbeAnswer, extra: string, comment: string): string {
  const source = 'http' in probe
    ? `http: { url: ${q(probe.http.url)}${probe.http.path ? `, path: ${q(probe.http.path)}` : ''} }`
    : `command: ${q(probe.command)}`;
  return `  ${name}: { ${source}${extra} }   # ${comment}`;
}

function probesBlock(answers: InitAnswers): string[] {
  const { progress, keys, check, pending } = answers.probes;
  const exits = check && 'command' in check && answers.violationsExit.length > 0 ? `, violations_exit: [${answers.violationsExit.join(', ')}]` : '';
  const lines = [
    progress && probeLine('progress', progress, ', every: 1s', 'a number that rises as work gets done'),
    keys && probeLine('keys', keys, ', every: 5s', 'the keys the system holds: one per line, or a JSON list'),
    check && probeLine('check', check, `${exits}, every: 5s`, exits ? 'the lines it prints with those exit codes are violations' : 'lists violations; nothing when consistent'),
    pending && probeLine('pending', pending, ', every: 1s', 'unfinished work: 0 when settled'),
  ].filter((line): line is string => typeof line === 'string');
  return [
    '# Probes read the system\'s state, every `every` and once more at the end: an HTTP GET (`path` picks a JSON',
    '# field), a command\'s stdout (a non-zero exit is a probe error, unless listed in violations_exit), or SQL',
    '# ({ sql: { sqlite: FILE, query: ... } } or { sql: { postgres: URL, query: ... } }).',
    ...(lines.length > 0 ? ['probes:', ...lines] : ['probes: {}']),
    ...(progress ? [] : ['#  progress: { http: { url: "http://127.0.0.1:${components.api.port}/stats", path: "done" }, every: 1s }']),
    ...(keys ? [] : ['#  keys: { http: { url: "http://127.0.0.1:${components.api.port}/keys" } }']),
    ...(check ? [] : ['#  check: { command: "./check.sh", violations_exit: [1] }   # exit 1: the printed lines are violations']),
    ...(pending ? [] : ['#  pending: { sql: { sqlite: "data/app.db", query: "SELECT COUNT(*) FROM jobs WHERE state <> \'done\'" } }']),
  ];
}

function invariantsBlock(answers: InitAnswers): string[] {
  const { progress, keys, check, pending } = answers.probes;
  const or = (answered: unknown, line: string): string => (answered ? `  ${line}` : `  # ${line}`);
  return [
    '# The litmus questions. Any FAIL or ERROR (a probe that broke) ⇒ exit 1; a commented one is not checked.',
    'invariants:',
    or(progress, 'progress: { probe: progress, window: 10s }        # is progress still happening? a rise in every window of the chaos'),
    or(keys, 'no_loss: { probe: keys }                          # will you keep all important data? every acknowledged key at the end'),
    or(check, 'consistency: { probe: check }                     # will it remain consistent? no violation in any reading'),
    or(pending, 'converge: { probe: pending, condition: "== 0", within: 10s }   # will it fix itself? settled within 10s of the quiet period'),
    `  recovery: { within: 30s${progress ? ', probe: progress' : ''} }   # every killed instance ready again${progress ? ', and progress,' : ''} within 30s`,
  ];
}
