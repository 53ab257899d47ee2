// What `crashtest init` does, loaded only when it runs: gather the answers, render the scenario, check it as
// `validate` would, and write it (never over another file).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { askMissing, checkName, parseComponent, parseProbe, parseReady, renderScenario, splitPair, type InitAnswers } from '../init/index.js';
import { dryValues, loadScenario, resolveScenario } from '../scenario/index.js';
import { CrashtestError, ScenarioError } from '../errors.js';

/** The flags of `init`, as commander hands them over. */
export interface InitFlags {
  name?: string; component: string[]; port: string[]; readyHttp: string[]; readyLog: string[];
  workload?: string; method: InitAnswers['method']; progress?: string; keys?: string; check?: string; pending?: string; violationsExit: number[];
}

/** Writes a starting scenario to `file` from the flags (and, on a terminal, the answers to questions). */
export async function init(file: string, flags: InitFlags): Promise<void> {
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
