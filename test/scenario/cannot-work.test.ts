// Scenarios that parse but cannot work (issue 11): each is refused before anything starts, with exit 2
// and `file:line:col key: what was expected`; one case per mistake, the whole line compared.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenario } from '../../src/scenario/index.js';
import { ScenarioError } from '../../src/errors.js';
import { runCli, tempDir } from '../helpers.js';

const DIR = tempDir('crashtest-cannot-work-');
after(() => rmSync(DIR, { recursive: true }));
const API = 'components:\n  - name: api\n    command: [sleep, "60"]\n';

/** Writes a scenario and returns its path as messages show it. */
function scenario(name: string, text: string | Buffer): string {
  const file = path.join(DIR, `${name}.yml`);
  writeFileSync(file, text);
  return path.relative(process.cwd(), file);
}

/** [case, YAML, expected "line:col key: message" (after "file:"), a pattern where yaml's own limit decides the column]. */
const CASES: [string, string, string | RegExp][] = [
  ['duration-zero', `name: t\nduration: 0\n${API}`, '2:11 duration: expected a duration above 0, got number 0 (at least 1ms: 0 would spin or fire at once)'],
  ['interval-zero', `name: t\n${API}chaos: { interval: 0 }\n`, '5:20 chaos.interval: expected a duration above 0, got number 0 (at least 1ms: 0 would spin or fire at once)'],
  ['interval-sub-ms', `name: t\n${API}chaos: { interval: 0.3 }\n`, '5:20 chaos.interval: expected at least 1ms, got number 0.3 (durations count whole milliseconds)'],
  ['interval-rounds-to-zero', `name: t\n${API}chaos: { interval: 0.0001s }\n`, '5:20 chaos.interval: expected a duration above 0, got "0.0001s" (at least 1ms: 0 would spin or fire at once)'],
  ['jitter-sub-ms', `name: t\n${API}chaos: { jitter: 0.5 }\n`, '5:18 chaos.jitter: expected 0 or at least 1ms, got number 0.5 (durations count whole milliseconds)'],
  ['ready-timeout-zero', 'name: t\ncomponents:\n  - name: api\n    command: [sleep, "60"]\n    ready: { log: up, timeout: 0 }\n',
    '5:32 components.0.ready.timeout: expected a duration above 0, got number 0 (at least 1ms: 0 would spin or fire at once)'],
  ['probe-every-zero', `name: t\n${API}probes:\n  done: { command: [echo, "1"], every: 0 }\n`,
    '6:40 probes.done.every: expected a duration above 0, got number 0 (at least 1ms: 0 would spin or fire at once)'],
  ['duration-1e99', `name: t\nduration: 1e99\n${API}`, '2:11 duration: expected at most 596h, got number 1e+99 (2^31 - 1 ms, the longest a timer can wait)'],
  ['duration-1000h', `name: t\nduration: 1000h\n${API}`, '2:11 duration: expected at most 596h, got "1000h" (2^31 - 1 ms, the longest a timer can wait)'],
  ['duration-2-31', `name: t\nduration: 2147483648\n${API}`, '2:11 duration: expected at most 596h, got number 2147483648 (2^31 - 1 ms, the longest a timer can wait)'],
  ['duration-inf', `name: t\nduration: .inf\n${API}`, '2:11 duration: expected a duration like "500ms", "10s" or "2m", got number .inf'],
  ['too-many-faults', `name: t\nduration: 500h\n${API}chaos: { interval: 1ms }\n`,
    '6:20 chaos.interval: a fault every 1 ms for 30000 m is 1350000000 faults; at most 100000 (a longer interval or a shorter duration)'],
  ['quiet-past-duration', `name: t\nduration: 10s\n${API}chaos: { quiet: 10s }\n`,
    '6:17 chaos.quiet: the quiet period (10.0 s) must be shorter than the duration (10.0 s): no fault could fire'],
  ['start-after-past-duration', `name: t\nduration: 10s\n${API}chaos: { start_after: 20s }\n`,
    '6:23 chaos.start_after: faults start after 20.0 s, at or past the duration (10.0 s): no fault could fire'],
  ['start-after-in-quiet', `name: t\nduration: 10s\n${API}chaos: { start_after: 8s }\n`,
    '6:23 chaos.start_after: faults start after 8.0 s, at or past the quiet period, which starts at 7.5 s: no fault could fire'],
  ['progress-window-spans-chaos', `name: t\nduration: 10s\n${API}chaos: { quiet: 4s }\nprobes:\n  done: { command: [echo, "1"] }\ninvariants:\n  progress: { probe: done, window: 6s }\n`,
    '10:36 invariants.progress.window: a window of 6.0 s is not shorter than the chaos period progress is judged over (6.0 s): no stall could ever be seen; shorten the window or lengthen the run'],
  ['nothing-killable', 'name: t\ncomponents:\n  - name: db\n    command: [sleep, "60"]\n    killable: false\nchaos: { interval: 1s }\n',
    '6:8 chaos: no component is killable (each has killable: false): chaos has nothing to hurt; remove chaos: or let one be killed'],
  ['target-not-killable', `name: t\n${API}  - name: db\n    command: [sleep, "60"]\n    killable: false\nchaos: { targets: [api, db] }\n`,
    '8:25 chaos.targets.1: "db" names db, which is not killable (killable: false)'],
  ['trigger-not-killable', 'name: t\ncomponents:\n  - name: db\n    command: [sleep, "60"]\n    killable: false\n  - name: api\n    command: [sleep, "60"]\n' +
    'chaos:\n  triggers: [{ component: db, log: boom }]\n', '9:27 chaos.triggers.0.component: "db" names db, which is not killable (killable: false)'],
  ['tcp-past-65535', 'name: t\ncomponents:\n  - name: api\n    command: [sleep, "60"]\n    ready: { tcp: 70000 }\n',
    '5:19 components.0.ready.tcp: expected a port number, got "70000"'],
  ['tcp-fraction', 'name: t\ncomponents:\n  - name: api\n    command: [sleep, "60"]\n    ready: { tcp: 1.5 }\n',
    '5:19 components.0.ready.tcp: expected a port number or "${self.port}", got number 1.5'],
  ['log-not-a-regex', 'name: t\ncomponents:\n  - name: api\n    command: [sleep, "60"]\n    ready: { log: "(" }\n',
    '5:19 components.0.ready.log: not a valid regular expression: Invalid regular expression: /(/: Unterminated group'],
  ['ports-overlap', 'name: t\ncomponents:\n  - name: api\n    command: [sleep, "60"]\n    port: 4000\n    replicas: 3\n  - name: web\n    command: [sleep, "60"]\n    port: 4002\n',
    '9:11 components.1.port: port 4002 overlaps api\'s ports 4000-4002'],
  ['ports-past-65535', 'name: t\ncomponents:\n  - name: api\n    command: [sleep, "60"]\n    port: 65534\n    replicas: 3\n',
    '5:11 components.0.port: 3 replicas from port 65534 need ports 65534-65536, past 65535'],
  ['preset-and-command', 'name: t\ncomponents:\n  - name: queue\n    preset: redis\n    command: [redis-server]\n',
    '5:14 components.0.command: preset redis runs its own server and would ignore this command: remove "command" (or "preset")'],
  ['escaped-nul', 'name: t\ncomponents:\n  - name: api\n    command: ["sle\\0ep", "60"]\n',
    '4:15 components.0.command.0: contains a NUL character ("\\0"), which no argument, path or variable can hold'],
  ['unclosed-reference', 'name: t\ncomponents:\n  - name: api\n    command: [ls, "${run.dir"]\n',
    '4:19 components.0.command.1: "${" without its "}" (expected ${name}): "${run.dir"'],
  ['past-a-leaf', 'name: t\ncomponents:\n  - name: api\n    command: [ls, "${components.api.port.extra}"]\n    port: auto\n',
    '4:19 components.0.command.1: ${components.api.port.extra}: components.api.port is a single value: nothing can follow it (".extra")'],
  ['undefined-alias', 'name: t\ncomponents:\n  - name: api\n    command: *nope\n', '4:14 *nope: no anchor &nope before this alias'],
  ['alias-before-anchor', 'name: t\nx: *later\ncomponents:\n  - name: api\n    command: &later [ls]\n', '2:4 *later: no anchor &later before this alias'],
  ['alias-inside-its-anchor', 'name: t\ncomponents:\n  - &c\n    name: api\n    command: [ls]\n    env: *c\n', '6:10 *c: the alias is inside its own anchor &c, a value that contains itself'],
  ['nested-too-deep', `name: t\n${API}x: ${'['.repeat(100)}${']'.repeat(100)}\n`, '5:67 nested more than 64 levels deep (a scenario needs a few)'],
  ['nested-past-the-parser', `name: t\n${API}x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, /^5:\d+ nested too deeply \(a scenario needs a few levels, at most 64\)$/],
  ['billion-laughs', `name: t\nl0: &l0 [a, a, a, a, a, a, a, a, a]\n${[1, 2, 3, 4, 5, 6].map((i) => `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`).join('\n')}\n${API}`,
    '3:10 *l0: aliases expand exponentially (more than 100 copies): write the values out, or alias a block once'],
  ['list-for-a-mapping', 'name: t\ncomponents:\n  - name: api\n    command: [ls]\n    restart: [always]\n', '5:14 components.0.restart: expected a mapping, got a list'],
  ['nested-env-value', 'name: t\ncomponents:\n  - name: api\n    command: [ls]\n    env: { A: { b: 1 } }\n',
    '5:15 components.0.env.A: expected a string, a number or true/false, got a mapping'],
  ['bad-probe-name', `name: t\n${API}probes:\n  "bad name": { command: [echo, "1"] }\n`,
    '6:3 probes.bad name: expected a name of letters, digits, "-" or "_", starting with a letter, got "bad name"'],
  ['list-as-key', 'name: t\n? [a, b]\n: x\ncomponents:\n  - name: api\n    command: [ls]\n', '2:3 a list used as a key: keys are plain words'],
  ['enum-key-missing', `name: t\n${API}chaos:\n  faults: [{ weight: 2 }]\n`,
    '6:12 chaos.faults.0.kind: required key is missing (expected one of "kill", "pause", "power-loss")'],
  ['duplicate-key', 'name: t\nname: u\ncomponents:\n  - name: api\n    command: [ls]\n', '2:1 name: duplicate key (first on line 1)'],
];

for (const [name, text, expected] of CASES) {
  test(`refused: ${name}`, () => {
    const file = scenario(name, text);
    assert.throws(() => loadScenario(file), (error: unknown) => {
      assert.ok(error instanceof ScenarioError, `not a ScenarioError: ${String(error)}`);
      if (typeof expected === 'string') assert.equal(error.message, `${file}:${expected}`);
      else assert.match(error.message.slice(file.length + 1), expected);
      assert.equal(error.exitCode, 2);
      return true;
    });
  });
}

test('refused: a raw NUL byte, located', () => {
  const file = scenario('raw-nul', Buffer.from('name: t\ncomponents:\n  - name: a\u0000pi\n    command: [ls]\n'));
  assert.throws(() => loadScenario(file), { message: `${file}:3:12 a NUL byte: a scenario is text (is this the right file?)` });
});

test('refused: a file over 256 KB, before it is parsed', () => {
  const file = scenario('huge', `name: t\n${API}    env:\n${Array.from({ length: 20_000 }, (_, i) => `      K${i}: value-${i}\n`).join('')}`);
  assert.throws(() => loadScenario(file), { message: `${file}: the file is 487 KB; a scenario file is at most 256 KB (is this the right file?)` });
});

test('accepted: a valid scenario close to every limit', () => {
  const file = scenario('limits', 'name: t\nduration: 596h\ncomponents:\n  - name: api\n    command: [sleep, "60"]\n    port: 65533\n    replicas: 3\n' +
    '  - name: db\n    command: [sleep, "60"]\n    killable: false\n    port: 65532\nchaos: { interval: 3h, start_after: 0, jitter: 1ms }\n');
  const { scenario: loaded } = loadScenario(file);
  assert.equal(loaded.duration, 596 * 3_600_000);
  assert.equal(loaded.chaos?.jitter, 1);
});

test('the CLI exits 2 with the located line, never a stack trace, for an alias and a size', async () => {
  for (const name of ['undefined-alias', 'billion-laughs']) {
    const file = path.join(DIR, `${name}.yml`);
    const { code, stderr } = await runCli(['validate', file]);
    assert.equal(code, 2, stderr);
    assert.match(stderr, /^error: \S+\.yml:\d+:\d+ \*\w+: /);
    assert.doesNotMatch(stderr, /\n\s+at /);
  }
});
