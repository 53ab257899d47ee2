// The questions `crashtest init` asks on a terminal for what no flag answered; an empty answer skips
// an optional question (that part of the scenario stays a commented example).
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { ScenarioError } from '../errors.js';
import { checkName, parseProbe, parseReady, type ComponentAnswer, type InitAnswers, type ProbeAnswers } from './answers.js';

/** One question, one trimmed answer ('' at the end of the input). */
type Ask = (question: string) => Promise<string>;

/** Asks, on `input`/`output`, for every answer `given` lacks; returns the completed answers. */
export async function askMissing(given: InitAnswers, io: { input: Readable; output: Writable }): Promise<InitAnswers> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: false });
  // Lines are read through one iterator: it buffers lines typed (or piped) before their question.
  const lines = rl[Symbol.asyncIterator]();
  const ask: Ask = async (question) => {
    io.output.write(question);
    const next = await lines.next();
    return next.done ? '' : String(next.value).trim();
  };
  try {
    const name = given.name || (await ask('Name of the system: ')) || 'my system';
    const components = given.components.length > 0 ? given.components : await askComponents(ask);
    const workload = given.workload ?? ((await ask('URL each workload operation is sent to (${key} is its idempotency key; empty: no workload): ')) || undefined);
    return { ...given, name, components, workload, probes: await askProbes(given.probes, ask) };
  } finally {
    rl.close();
  }
}

async function askComponents(ask: Ask): Promise<ComponentAnswer[]> {
  const components: ComponentAnswer[] = [];
  for (;;) {
    const name = await ask(components.length === 0 ? 'First component\'s name (e.g. api): ' : 'Next component\'s name (empty: no more): ');
    if (name === '') break;
    checkName('component', name);
    const command = await ask(`Command that starts ${name} (run by /bin/sh -c; \${self.port} is its port): `);
    if (command === '') throw new ScenarioError(`init: ${name} needs a command`);
    const port = command.includes('${self.port}') || /^y/i.test(await ask(`Does ${name} need a free port (\${self.port}, $PORT)? [y/N] `));
    const ready = await ask(`When is ${name} ready? An HTTP path (/health), log:<regex>, or empty (once started): `);
    components.push({ name, command, port: port || ready.startsWith('/'), ready: ready ? parseReady(name, ready) : undefined });
  }
  if (components.length === 0) throw new ScenarioError('init: a scenario needs at least one component');
  return components;
}

const QUESTIONS: [keyof ProbeAnswers, string][] = [
  ['progress', 'Progress: a URL (#field for a JSON field) or a command giving a number that rises as work gets done'],
  ['keys', 'No loss: a URL or a command listing the keys your system holds'],
  ['check', 'Consistency: a URL or a command listing violations (nothing when consistent)'],
  ['pending', 'Convergence: a URL or a command giving the number of unfinished items (0 when settled)'],
];

async function askProbes(given: ProbeAnswers, ask: Ask): Promise<ProbeAnswers> {
  const probes: ProbeAnswers = { ...given };
  for (const [key, question] of QUESTIONS) {
    if (probes[key]) continue;
    const answer = await ask(`${question} (empty: skip): `);
    if (answer) probes[key] = parseProbe(answer);
  }
  return probes;
}
