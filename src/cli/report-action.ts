// What `crashtest report` does, loaded only when it runs: write the three reports of a stored run, maybe open one.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { writeReports } from '../report/index.js';
import { withStoredRun } from './stored-run.js';
import { checkOutputFolder } from './path-options.js';

/** The flags of `report`, as commander hands them over. */
export interface ReportFlags { db: string; out?: string; open?: boolean }

/** Rebuilds report.html, report.json and junit.xml of run `ref`, and opens the HTML with --open. */
export async function report(ref: string, opts: ReportFlags): Promise<void> {
  if (opts.out !== undefined) checkOutputFolder('--out', opts.out);
  await withStoredRun(opts.db, ref, async (db, runId) => {
    const paths = await writeReports({ db, runId, outDir: opts.out });
    process.stdout.write(`run ${runId}\n  ${paths.html}\n  ${paths.json}\n  ${paths.junit}\n`);
    if (opts.open) openReport(paths.html);
  });
}

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
