// crashtest init [file]: writes a starting scenario for the user's own system from flags, or from
// questions on a terminal; the file is checked as `validate` would before it is written, never over another.
import type { Command } from 'commander';
import { parseExitCodes, type InitAnswers } from '../init/index.js';
import { ScenarioError } from '../errors.js';
import type { InitFlags } from './init-action.js';

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
    .action(async (file: string, flags: InitFlags) => (await import('./init-action.js')).init(file, flags));
}

function parseMethod(value: string): InitAnswers['method'] {
  const method = value.toUpperCase();
  if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) throw new ScenarioError(`--method: expected GET, POST, PUT, PATCH or DELETE, got "${value}"`);
  return method as InitAnswers['method'];
}
