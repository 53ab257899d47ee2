// The crashtest program: name, version, commands; errors become exit codes here and only here.
// Registering a command is cheap: its work (<command>-action.ts) is imported only when it runs.
import { Command } from 'commander';
import { VERSION } from '../common/index.js';
import { reportError } from './exit-codes.js';
import { registerRun } from './run.js';
import { registerValidate } from './validate.js';
import { registerRuns } from './runs.js';
import { registerCheck } from './check.js';
import { registerReport } from './report.js';
import { registerSchema } from './schema.js';
import { registerPrune } from './prune.js';
import { registerInit } from './init.js';
import { registerShrink } from './shrink.js';
import { registerExplore } from './explore.js';

const program = new Command()
  .name('crashtest')
  .description('The kill -9 litmus test of crash-only software: run a whole system, SIGKILL its parts, check it keeps its promises.')
  .version(VERSION)
  .showSuggestionAfterError(true)
  .exitOverride()
  .addHelpText('after', `
Examples:
  $ crashtest run scenarios/converter.yml          # the reference system, about a minute
  $ crashtest init my-system.yml --component 'api=python3 app.py --port \${self.port}'
  $ crashtest validate my-system.yml
  $ crashtest runs
  $ crashtest explore scenarios/converter.yml     # kill at every persistence point, one run each
  $ crashtest shrink latest                        # a failed run's faults, down to the fewest that still fail`);

registerInit(program);
registerRun(program);
registerValidate(program);
registerRuns(program);
registerCheck(program);
registerReport(program);
registerSchema(program);
registerPrune(program);
registerShrink(program);
registerExplore(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}
