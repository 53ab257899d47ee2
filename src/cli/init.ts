// crashtest init [file]: writes a starting scenario for the user's own system from flags, or from
// questions on a terminal; the file is checked as `validate` would before it is written, never over another.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { askMissing, checkName, parseComponent, parseExitCodes, parseProbe, parseReady, renderScenario, splitPair, type InitAnswers } from '../init/index.js';
import { dryValues, loadScenario, resolveScenario } from '../scenario/index.js';
import { CrashtestError, ScenarioError } from '../errors.js';

interface InitFlags {
  name?: string; component: string[]; port: string[]; readyHttp: string[]; readyLog: string[];
  workload?: string; method: InitAnswers['method']; progress?: string; keys?: string; check?: string; pending?: string; violationsExit: number[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Registers `init`. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starting scenario for your own system (commented, valid, runnable at once); never overwrites a file')
    .argument('[file]', 'the scenario to write', 'crashtest.yml')
    .option('--name <name>', 'the system\'s name (default: the file\'s name)')
    .option('--component <name=command>', 'a component and the shell command that starts it, in start order (repeat it)', collect, [])
    .option('--port <name>', 'give this component a free port: ${self.port}, $PORT (implied by ${self.port} in its command)', collect, [])
    .option('--ready-http <name=path>', 'the component is ready when this path (/health) or URL answers 2xx', collect, [])
    .option('--ready-log <name=regex>', 'the component is ready when an output line matches', collect, [])
    .option('--workload <url>', 'each workload operation is sent here; ${key} is its idempotency key (also in the Idempotency-Key header)')
    .option('--method <method>', 'the workload\'s HTTP method: GET, POST, PUT, PATCH or DELETE', parseMethod, 'POST')
    .option('--progress <url|command>', 'a number that rises as work gets done (a URL#field reads a JSON field)')
    .option('--keys <url|command>', 'the keys the system holds, one per line or a JSON list: every acknowledged key must be there')
    .option('--check <url|command>', 'lists violations of your consistency rules; nothing when consistent')
    .option('--violations-exit <codes>', 'exit codes of the --check command meaning "the printed lines are violations" (e.g. 1)', parseExitCodes, [])
    .option('--pending <url|command>', 'a number of unfinished items: 0 when the system has settled')
    .addHelpText('after', `
A probe given as http(s)://... is read with GET (#field picks a JSON field); anything else is a shell command.
On a terminal, crashtest asks for what the flags left out; elsewhere (CI) the flags are all it uses, and a
question without an answer stays a commented example in the file.

Examples:
  $ crashtest init crashtest.yml --component 'api=python3 app.py --port \${self.port}' --ready-http api=/health \\
      --workload 'http://127.0.0.1:\${components.api.port}/put?key=\${key}' \\
      --progress 'http://127.0.0.1:\${components.api.port}/stats#keys' --keys 'http://127.0.0.1:\${components.api.port}/keys'
  $ crashtest init my.yml --component 'worker=./worker.sh' --ready-log 'worker=^ready' --check ./check.sh --violations-exit 1
  $ crashtest init                   # on a terminal: asks, then writes crashtest.yml`)
    .action(async (file: string, flags: InitFlags) => {
      if (existsSync(file)) throw refuse(file);
      let answers = fromFlags(file, flags);
      if (process.stdin.isTTY) answers = await askMissing(answers, { input: process.stdin, output: process.stdout });
      else if (answers.components.length === 0) {
        throw new ScenarioError('init: name at least one component, e.g. --component \'api=python3 app.py --port ${self.port}\' (or run it on a terminal to be asked)');
      }
      answers = applyComponentFlags({ ...answers, name: answers.name || path.parse(file).name }, flags);
      const text = renderScenario(answers, file);
      checkValid(text, file);
      write(file, text);
      const asked = Object.entries(answers.probes).filter(([, probe]) => probe).map(([key]) => key);
      process.stdout.write(`wrote ${file}: ${answers.components.length} component${answers.components.length === 1 ? '' : 's'}, ` +
        `${answers.workload ? 'a workload' : 'no workload'}, probes: ${asked.length > 0 ? asked.join(', ') : 'none yet'}\n` +
        `next: crashtest validate ${file} && crashtest run ${file}\n`);
    });
}

function fromFlags(file: string, flags: InitFlags): InitAnswers {
  const probe = (text?: string) => (text === undefined ? undefined : parseProbe(text));
  return {
    name: flags.name ?? (process.stdin.isTTY ? '' : path.parse(file).name),
    components: flags.component.map(parseComponent),
    workload: flags.workload,
    method: flags.method,
    probes: { progress: probe(flags.progress), keys: probe(flags.keys), check: probe(flags.check), pending: probe(flags.pending) },
    violationsExit: flags.violationsExit,
  };
}

/** --port, --ready-http and --ready-log name components given by --component (or on the terminal). */
function applyComponentFlags(answers: InitAnswers, flags: InitFlags): InitAnswers {
  const byName = new Map(answers.components.map((c) => [c.name, { ...c }]));
  const find = (flag: string, name: string) => {
    checkName(flag, name);
    const found = byName.get(name);
    if (!found) throw new ScenarioError(`${flag}: no component "${name}" (components: ${[...byName.keys()].join(', ')})`);
    return found;
  };
  for (const name of flags.port) find('--port', name).port = true;
  for (const text of flags.readyHttp) {
    const [name, where] = splitPair('--ready-http', text, 'api=/health');
    const component = find('--ready-http', name);
    component.ready = parseReady(name, where);
    if (where.startsWith('/')) component.port = true;
  }
  for (const text of flags.readyLog) {
    const [name, regex] = splitPair('--ready-log', text, 'worker=^ready');
    find('--ready-log', name).ready = { log: regex };
  }
  return { ...answers, components: [...byName.values()] };
}

/** Loads the text as `crashtest validate` would, from a scratch copy: a mistake in a flag is said now. */
function checkValid(text: string, file: string): void {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'crashtest-init-'));
  const copy = path.join(scratch, path.basename(file));
  try {
    writeFileSync(copy, text);
    const loaded = loadScenario(copy);
    resolveScenario(loaded, dryValues(loaded.scenario, loaded.dir, process.env));
  } catch (error) {
    if (!(error instanceof CrashtestError)) throw error;
    throw new ScenarioError(`init: these answers do not make a valid scenario, nothing written: ${error.message.split(copy).join(file)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function write(file: string, text: string): void {
  try {
    writeFileSync(file, text, { flag: 'wx' }); // wx: fails if the file appeared meanwhile
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw refuse(file);
    throw new ScenarioError(`init: cannot write ${file}: ${code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}`);
  }
}

function refuse(file: string): ScenarioError {
  return new ScenarioError(`init: ${file} already exists; crashtest init never overwrites a file (give another name, or remove it first)`);
}

function parseMethod(value: string): InitAnswers['method'] {
  const method = value.toUpperCase();
  if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) throw new ScenarioError(`--method: expected GET, POST, PUT, PATCH or DELETE, got "${value}"`);
  return method as InitAnswers['method'];
}
