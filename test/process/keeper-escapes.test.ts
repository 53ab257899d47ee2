// When crashtest is killed with kill -9, its keeper also kills the processes that left their component's
// group (found by the run's mark) and deletes the folders it was given (the postgres preset's data folder).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findMarked, readIdentity, runMarkPrefix } from '../../src/process/index.js';
import { ROOT, tempDir, waitFor } from '../helpers.js';
import { killTagged, processesWithEnv } from './env-tag.js';

const HOLD_ESCAPEE = path.join(ROOT, 'dist/test/process/hold-escapee.js');
const runId = `keepertest-${randomUUID().slice(0, 8)}`;
const tag = randomUUID();
after(() => killTagged('CT_TAG', tag));

test('kill -9 of crashtest: the keeper kills the group and the process that left it, and deletes the folder', async (t) => {
  const folder = path.join(tempDir(`crashtest-${runId}-`), 'scratch');
  const crashtest = spawn(process.execPath, [HOLD_ESCAPEE, runId, folder], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CT_TAG: tag } });
  const { pgid } = JSON.parse(await new Promise<string>((resolve, reject) => {
    let out = '';
    crashtest.stdout!.on('data', (data) => (out += data) && out.includes('\n') && resolve(out.split('\n')[0]));
    crashtest.once('exit', (code) => reject(new Error(`hold-escapee exited with ${code} before it was ready`)));
  })) as { pgid: number };
  const marked = (): number => findMarked((m) => m.startsWith(runMarkPrefix(runId))).length;
  assert.ok(await waitFor(() => marked() === 3, 5000), 'sh, its sleep and the escaped sleep run');
  const escaped = findMarked((m) => m.startsWith(runMarkPrefix(runId))).filter((p) => p.pgid !== pgid);
  assert.equal(escaped.length, 1, 'one process left the group');
  assert.ok(existsSync(folder));

  const killedAt = performance.now();
  crashtest.kill('SIGKILL');
  assert.ok(await waitFor(() => marked() === 0 && !existsSync(folder), 3000),
    `left 3 s after kill -9: ${JSON.stringify({ processes: processesWithEnv('CT_TAG', tag).map((p) => p.command), folder: existsSync(folder) })}`);
  assert.equal(readIdentity(escaped[0].pid), undefined, 'the escaped sleep is gone');
  t.diagnostic(`everything gone ${Math.round(performance.now() - killedAt)} ms after the kill -9`);
});
