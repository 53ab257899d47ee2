// Test program (not a test): plays crashtest for keeper-escapes.test.ts. It starts a keeper, gives it a
// process group whose child left it (setsid), the run's mark prefix and a folder, prints them, then waits to be killed.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MARK_VARIABLE, OrphanReaper, markOf, readIdentity, runMarkPrefix } from '../../src/process/index.js';

const [runId, folder] = process.argv.slice(2);
const reaper = new OrphanReaper();
mkdirSync(path.join(folder, 'data'), { recursive: true });
writeFileSync(path.join(folder, 'data', 'file'), 'x'.repeat(4096));
reaper.adoptFolder(folder);
reaper.adoptMarks(runMarkPrefix(runId));
const group = spawn('sh', ['-c', 'setsid sleep 600 & sleep 600'], {
  detached: true, stdio: 'ignore', env: { ...process.env, [MARK_VARIABLE]: markOf(runId, 'leaky.0', 1) },
});
reaper.adopt(readIdentity(group.pid!)!);
console.log(JSON.stringify({ pgid: group.pid }));
setInterval(() => undefined, 1 << 30);
