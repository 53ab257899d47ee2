// Test program (not a test): plays crashtest for orphan-reaper.test.ts. It starts a keeper, mounts a
// volume adopted by it, starts a process group living on that volume, prints what it made, then waits to be killed.
import { spawn } from 'node:child_process';
import { mountVolume } from '../../src/power/index.js';
import { OrphanReaper, readIdentity } from '../../src/process/index.js';

const [mountpoint, runId] = process.argv.slice(2);
const reaper = new OrphanReaper();
const volume = await mountVolume({ path: mountpoint, sizeBytes: 8 * 1024 * 1024, runId, name: 'held', keeper: reaper });
// Its working folder on the volume keeps the mount busy until the keeper has killed it.
const holder = spawn('sleep', ['600'], { cwd: volume.mountpoint, detached: true, stdio: 'ignore' });
reaper.adopt(readIdentity(holder.pid!)!);
console.log(JSON.stringify({ ...volume.info, holderPid: holder.pid }));
setInterval(() => undefined, 1 << 30);
