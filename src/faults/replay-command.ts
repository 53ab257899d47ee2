// The command that replays a faults file against a scenario, with its environment and duration.
import path from 'node:path';

/** The command that replays a fault list against the original's scenario, environment and duration. */
export function faultsReplayCommand(original: { scenarioFile: string; env: Record<string, string>; durationMs: number }, faultsFile: string): string {
  const rel = (file: string): string => {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') ? relative : path.resolve(file);
  };
  const quote = (text: string): string => (/^[\w@%+=:,./*-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  const env = Object.entries(original.env).map(([name, value]) => ` --env ${quote(`${name}=${value}`)}`).join('');
  return `npx crashtest run ${quote(rel(original.scenarioFile))} --faults ${quote(rel(faultsFile))}${env} --duration ${original.durationMs}ms`;
}
