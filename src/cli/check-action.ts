// What `crashtest check` does, loaded only when it runs: project the stored history again and judge it.
import { readHistory, readRunScenario, saveVerdicts, writeDerivedTables } from '../store/index.js';
import type { Scenario } from '../scenario/index.js';
import { judge } from '../run/index.js';
import { withStoredRun } from './stored-run.js';
import { printVerdictLines } from './print-verdicts.js';

/** Judges run `ref` of the database `db` again, prints its verdicts and sets the exit code. */
export async function check(ref: string, opts: { db: string }): Promise<void> {
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
}
