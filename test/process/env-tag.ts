// Test helper (not a test): live processes by a variable in their environment, which every descendant
// inherits even after it left its process group; a test tags what it starts with a unique value.
import { readFileSync, readdirSync } from 'node:fs';
import { readIdentity, type ProcessIdentity } from '../../src/process/index.js';

/** Live processes (zombies excluded) whose environment holds NAME=VALUE. */
export function processesWithEnv(name: string, value: string): (ProcessIdentity & { command: string })[] {
  const found: (ProcessIdentity & { command: string })[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(`${name}=${value}`)) continue;
      const identity = readIdentity(Number(entry));
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0+$/, '').replaceAll('\0', ' ');
      if (identity) found.push({ ...identity, command });
    } catch {
      // exited while we looked, or not ours to read
    }
  }
  return found;
}

/** SIGKILLs what a test tagged and left behind (only processes carrying the test's own unique tag). */
export function killTagged(name: string, value: string): void {
  for (const p of processesWithEnv(name, value)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}
