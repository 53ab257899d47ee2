// The keeper: a tiny process per run that outlives crashtest only to kill what crashtest started.
// crashtest writes "+ <pgid> <startTicks>" / "- <pgid>" lines to its stdin; when that pipe closes
// (crashtest exited, or was killed with kill -9) it SIGKILLs every group still registered, then exits.
import { createInterface } from 'node:readline';
import { groupMembers, readIdentity } from './pid-identity.js';

const groups = new Map<number, string>();

// Ctrl-C or a SIGTERM to our session must not stop the keeper before it has done its job.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
process.on('SIGHUP', () => undefined);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [op, pgid, startTicks] = line.trim().split(' ');
  if (op === '+') groups.set(Number(pgid), startTicks);
  if (op === '-') groups.delete(Number(pgid));
});
lines.on('close', () => {
  for (const [pgid, startTicks] of groups) {
    const leader = readIdentity(pgid);
    // Same rule as kill-group.ts: a live leader must have the recorded start time; a dead leader's
    // pid stays reserved while its group has members, and those started after it.
    const ours = leader ? leader.startTicks === startTicks : groupMembers(pgid).some((m) => Number(m.startTicks) >= Number(startTicks));
    if (!ours) continue;
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(0);
});
