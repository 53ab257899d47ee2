// crashtest report <run|latest>: rebuilds report.html, report.json and junit.xml of a stored run from
// the results database alone (and its logs folder), running nothing; --open shows the HTML report.
import type { Command } from 'commander';
import { DEFAULT_DB } from '../common/index.js';
import type { ReportFlags } from './report-action.js';

/** Registers `report`. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('rebuild the HTML, JSON and JUnit reports of a stored run from the results database (nothing is started)')
    .argument('[run]', 'run id, a unique prefix of one, or "latest"', 'latest')
    .option('--db <file>', 'results database', DEFAULT_DB)
    .option('--out <dir>', 'folder for the reports (default: the run\'s own folder, reports/<run-id>/)')
    .option('--open', 'open report.html in a browser (xdg-open)')
    .addHelpText('after', `
Writes report.html (self-contained: open it anywhere, offline), report.json and junit.xml.

Examples:
  $ crashtest report                          # the latest run, into its own folder
  $ crashtest report latest --open            # and open the HTML report
  $ crashtest report 20261126-124808 --out ci-artifacts
  $ crashtest report latest --db ci.db`)
    .action(async (ref: string, opts: ReportFlags) => (await import('./report-action.js')).report(ref, opts));
}
