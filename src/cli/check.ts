// crashtest check <run|latest>: projects a stored run's History from its events again and judges it, running nothing.
import type { Command } from 'commander';
import { DEFAULT_DB, readHistory, readRunScenario, saveVerdicts, writeDerivedTables } from '../store/index.js';
import { withStoredRun } from './stored-run.js';
import type { Scenario } from '../scenario/index.js';
import { judge } from '../run/index.js';
import { printVerdictLines } from './print-verdicts.js';

/** Registers `check`. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('re-run the checks of a stored run from the results database (nothing is started)')
    .argument('[run]', 'run id, a unique prefix of one, or "latest"', 'latest')
    .option('--db <file>', 'results database', DEFAULT_DB)
    .addHelpText('after', `
Exit codes: 0 every invariant held · 1 an invariant failed · 2 no such run

Examples:
  $ crashtest check                      # the latest run
  $ crashtest check 20261126-124808      # by id prefix
  $ crashtest check latest --db ci.db`)
    .action(async (ref: string, opts: { db: string }) => {
      const { runId, history, judgement } = await withStoredRun(opts.db, ref, (db, runId) => {
        const history = readHistory(db, runId);
        const judgement = judge(history, readRunScenario(db, runId) as Scenario);
        saveVerdicts(db, runId, judgement.verdicts);
        writeDerivedTables(db, history);
        return { runId, history, judgement };
      });
      const status = history.run.status === 'aborted' ? ' (aborted run: judged on the history it left)' : '';
      process.stdout.write(`run ${runId} of "${history.run.name}", seed ${history.run.seed}${status}\n`);
      printVerdictLines(judgement.verdicts);
      process.exitCode = judgement.valid === true ? 0 : 1;
    });
}
