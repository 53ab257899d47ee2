// crashtest init: the file it writes validates and passes a real run against a tiny Python service; an
// existing file is never touched; bad flags are one line and exit 2; the terminal questions fill the gaps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { askMissing, renderScenario, SCHEMA_LINE, type InitAnswers } from '../../src/init/index.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

const EXAMPLE = path.join(ROOT, 'scenarios/examples/python-sqlite');
const API = 'http://127.0.0.1:${components.api.port}';
const FLAGS = [
  '--component', 'api=python3 app.py --port ${self.port} --db ${run.dir}/keys.db', '--ready-http', 'api=/health',
  '--workload', `${API}/put?key=\${key}`, '--progress', `${API}/stats#keys`, '--keys', `${API}/keys`,
  '--check', 'python3 check.py ${run.dir}/keys.db', '--violations-exit', '1',
  '--pending', `${API}/stats#pending`,
];

test('init writes a commented scenario that validates, then passes a run against a tiny Python service', async () => {
  const dir = tempDir();
  for (const source of ['app.py', 'check.py']) copyFileSync(path.join(EXAMPLE, source), path.join(dir, source));
  const file = path.join(dir, 'my-store.yml');
  const init = await runCli(['init', file, ...FLAGS]);
  assert.equal(init.code, 0, init.stderr);
  assert.equal(init.stdout, `wrote ${file}: 1 component, a workload, probes: progress, keys, check, pending\nnext: crashtest validate ${file} && crashtest run ${file}\n`);
  const text = readFileSync(file, 'utf8');
  assert.equal(text.split('\n')[0], SCHEMA_LINE);
  assert.match(text, /^name: "my-store"$/m);
  assert.match(text, /^    port: auto /m);
  assert.match(text, /^  check: \{ command: .*, violations_exit: \[1\], every: 5s \}/m);
  assert.match(text, /^  converge: \{ probe: pending, condition: "== 0", within: 10s \}/m);

  const valid = await runCli(['validate', file]);
  assert.equal(valid.code, 0, valid.stderr);
  assert.match(valid.stdout, /: ok — "my-store", 1 component \(1 instance\), 1 m, a kill every 10\.0 s among 1 target$/m);

  const run = await runCli(['run', file, '--duration', '8s', '--interval', '1500ms', '--seed', '3', '--out', path.join(dir, 'reports'), '--db', path.join(dir, 'c.db')], { cwd: dir });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  for (const invariant of ['progress', 'no_loss', 'consistency', 'converge', 'recovery']) assert.match(run.stdout, new RegExp(`^  PASS  ${invariant} `, 'm'));
  assert.match(run.stdout, /PASS {2}recovery {5}[1-9]\d* faults? recovered/, 'chaos hurt the service at least once');
});

test('init never overwrites a file: exit 2, one line, the file unchanged', async () => {
  const file = path.join(tempDir(), 'crashtest.yml');
  writeFileSync(file, 'mine\n');
  const again = await runCli(['init', file, ...FLAGS]);
  assert.equal(again.code, 2);
  assert.equal(again.stderr, `error: init: ${file} already exists; crashtest init never overwrites a file (give another name, or remove it first)\n`);
  assert.equal(readFileSync(file, 'utf8'), 'mine\n');
});

test('init without a terminal needs a component; a wrong flag is one line and nothing is written', async () => {
  const file = path.join(tempDir(), 'crashtest.yml');
  const cases: [string[], string][] = [
    [[], 'error: init: name at least one component, e.g. --component \'api=python3 app.py --port ${self.port}\' (or run it on a terminal to be asked)\n'],
    [['--component', 'api'], 'error: --component: expected NAME=VALUE (e.g. --component \'api=python3 app.py --port ${self.port}\'), got "api"\n'],
    [['--component', 'api=./api', '--port', 'apu'], 'error: --port: no component "apu" (components: api)\n'],
    [['--component', 'api=./api', '--ready-log', 'api=(unclosed'], /^error: init: these answers do not make a valid scenario, nothing written: .*crashtest\.yml:\d+:\d+ components\.0\.ready\.log/ as unknown as string],
    [['--component', 'api=./api', '--violations-exit', '0'], 'error: --violations-exit: expected exit codes from 1 to 255, separated by commas (e.g. 1 or 1,3), got "0"\n'],
  ];
  for (const [flags, expected] of cases) {
    const result = await runCli(['init', file, ...flags]);
    assert.equal(result.code, 2, `${flags.join(' ')}: ${result.stderr}`);
    if (typeof expected === 'string') assert.equal(result.stderr, expected);
    else assert.match(result.stderr, expected);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(file), false, `${flags.join(' ')} wrote nothing`);
  }
});

test('on a terminal, init asks for what the flags left out; an empty answer leaves an example commented', async () => {
  const given: InitAnswers = { name: '', components: [], method: 'POST', probes: {}, violationsExit: [] };
  const typed = ['shop', 'api', 'node api.js --port ${self.port}', '/health', 'worker', './worker.sh', 'n', 'log:^ready', '',
    'http://127.0.0.1:${components.api.port}/orders', 'http://127.0.0.1:${components.api.port}/stats#done', '', './check.sh', ''];
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk) => (shown += chunk));
  const answers = await askMissing(given, { input: Readable.from([`${typed.join('\n')}\n`]), output });
  assert.deepEqual(answers.components, [
    { name: 'api', command: 'node api.js --port ${self.port}', port: true, ready: { http: 'http://127.0.0.1:${self.port}/health' } },
    { name: 'worker', command: './worker.sh', port: false, ready: { log: '^ready' } },
  ]);
  assert.equal(answers.name, 'shop');
  assert.equal(answers.workload, 'http://127.0.0.1:${components.api.port}/orders');
  assert.deepEqual(answers.probes, { progress: { http: { url: 'http://127.0.0.1:${components.api.port}/stats', path: 'done' } }, check: { command: './check.sh' } });
  assert.match(shown, /Does worker need a free port/);
  const text = renderScenario(answers, 'shop.yml');
  assert.match(text, /^  # no_loss: \{ probe: keys \}/m);
  assert.match(text, /^  consistency: \{ probe: check \}/m);
});
