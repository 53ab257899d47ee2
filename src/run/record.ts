// Creates a run: its id, its output folder, its row in the results database and its recorder.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { LoadedScenario } from '../scenario/index.js';
import { RunRecorder } from '../store/index.js';
import { readIdentity } from '../process/index.js';
import type { RunSettings } from './settings.js';
import { FolderError, makeFolder, VERSION } from '../common/index.js';
import { ScenarioError } from '../errors.js';

/** A sortable, readable run id: 20261126-124501-3fa2. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** The command that replays a run: same file, same seed, same timing. */
export function replayCommand(file: string, settings: RunSettings): string {
  const parts = ['npx crashtest run', path.relative(process.cwd(), file) || file, `--seed ${settings.seed}`, `--duration ${settings.durationMs}ms`];
  for (const [name, value] of Object.entries(settings.env)) parts.push(`--env ${shellQuote(`${name}=${value}`)}`);
  if (!settings.chaos) parts.push('--no-chaos');
  else if (settings.faultsFile) parts.push(`--faults ${shellQuote(path.relative(process.cwd(), settings.faultsFile) || settings.faultsFile)}`);
  else parts.push(`--interval ${settings.intervalMs}ms`);
  return parts.join(' ');
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Makes the run's folder (with logs/) and its database row. */
export function createRun(db: Database.Database, loaded: LoadedScenario, settings: RunSettings, outRoot: string): { recorder: RunRecorder; outDir: string } {
  const id = newRunId();
  const outDir = path.resolve(outRoot, id);
  try {
    makeFolder(path.join(outDir, 'logs'));
  } catch (error) {
    throw error instanceof FolderError ? new ScenarioError(`output folder ${outRoot}: ${error.message}`) : error;
  }
  const recorder = new RunRecorder(db, {
    id, name: loaded.scenario.name, scenarioPath: loaded.file, scenarioJson: JSON.stringify(loaded.scenario),
    seed: settings.seed, chaos: settings.chaos, startedAt: new Date().toISOString(), durationMs: settings.durationMs,
    chaosStartMs: 0, quietStartMs: 0, command: replayCommand(loaded.file, settings), outDir,
    ownerPid: process.pid, ownerStart: readIdentity(process.pid)?.startTicks ?? 'unknown', version: VERSION,
  });
  return { recorder, outDir };
}
