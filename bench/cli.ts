// CLI start-up benchmark: `crashtest validate`, `--help` and `--version` against `node -e 0` (Node's own
// start-up, the floor), each a new process, run in turn so the machine's busy moments land on all of them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { median, percentile, table } from './stats.js';

const MAIN = path.resolve('dist/src/cli/main.js');
const RUNS = 30;

const commands: [string, string[]][] = [
  ['`node -e 0` (the floor)', ['-e', '0']],
  ['`crashtest --version`', [MAIN, '--version']],
  ['`crashtest --help`', [MAIN, '--help']],
  ['`crashtest validate scenarios/converter.yml`', [MAIN, 'validate', 'scenarios/converter.yml']],
];

function once(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return performance.now() - started;
}

/** Runs the CLI start-up benchmark and returns its Markdown section. */
export async function benchCli(): Promise<string> {
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i <= RUNS; i++) {
    commands.forEach(([, args], k) => {
      const ms = once(args);
      if (i > 0) times[k].push(ms); // the first round warms the page cache
    });
  }
  const floor = median(times[0]);
  const rows = commands.map(([name], k) => [name, `${median(times[k]).toFixed(0)} ms`,
    `${percentile(times[k], 10).toFixed(0)}–${percentile(times[k], 90).toFixed(0)} ms`, `**${(median(times[k]) / floor).toFixed(2)}×**`]);
  return [
    `### CLI start-up (a new process each, ${RUNS} runs each, run in turn)`,
    '',
    table(['command', 'median', 'p10–p90', 'vs `node -e 0`'], rows),
  ].join('\n');
}
