// crashtest report <run|latest>: rebuilds report.html, report.json and junit.xml of a stored run from
// the results database alone (and its logs folder), running nothing; --open shows the HTML report.
import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DB } from '../store/index.js';
import { withStoredRun } from './stored-run.js';
import { checkOutputFolder } from './path-options.js';
import { writeReports } from '../report/index.js';
import { ScenarioError } from '../errors.js';

// The path of an executable on PATH, or undefined.
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

// Opens a file with xdg-open (detached), or says how to open it by hand.
function openReport(file: string): void {
  const opener = onPath('xdg-open');
  if (!opener) {
    process.stdout.write(`xdg-open is not available: open ${file} in a browser\n`);
    return;
  }
  const child = spawn(opener, [file], { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stdout.write(`could not run xdg-open: open ${file} in a browser\n`));
  child.unref();
  process.stdout.write(`opening ${file}\n`);
}

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
    .action(async (ref: string, opts: { db: string; out?: string; open?: boolean }) => {
      if (opts.out !== undefined) checkOutputFolder('--out', opts.out);
      await withStoredRun(opts.db, ref, async (db, runId) => {
        const paths = await writeReports({ db, runId, outDir: opts.out });
        process.stdout.write(`run ${runId}\n  ${paths.html}\n  ${paths.json}\n  ${paths.junit}\n`);
        if (opts.open) openReport(paths.html);
      });
    });
}
