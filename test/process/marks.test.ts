// Marks find a component's processes after they left its group (setsid): killMarked takes those outside
// the spared group, leaves the group's members and never touches a process without the mark.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { MARK_VARIABLE, findMarked, killMarked, markOf, readIdentity, readMark, runMarkPrefix } from '../../src/process/index.js';
import { waitFor } from '../helpers.js';
import { killTagged, processesWithEnv } from './env-tag.js';

const runId = `markstest-${randomUUID().slice(0, 8)}`;
const tag = randomUUID();
after(() => killTagged('CT_TAG', tag));

/** sh (a group leader) with a child in its group and a grandchild that left it with setsid, all carrying `mark`. */
async function leakyGroup(mark: string): Promise<{ pgid: number }> {
  const sh = spawn('sh', ['-c', 'setsid sleep 600 & sleep 600 & wait'], { detached: true, stdio: 'ignore', env: { ...process.env, CT_TAG: tag, [MARK_VARIABLE]: mark } });
  assert.ok(await waitFor(() => findMarked((m) => m === mark).length === 3, 5000), 'sh, its sleep and the escaped sleep');
  return { pgid: sh.pid! };
}

test('a mark names the run, the instance and the generation', () => {
  assert.equal(markOf('r1', 'api.0', 3), 'r1/api.0/3');
  assert.deepEqual(readMark('r1', 'r1/api.0/3'), { instance: 'api.0', generation: 3 });
  assert.equal(readMark('r1', 'r2/api.0/3'), undefined);
  assert.ok(!'r10/api.0/1'.startsWith(runMarkPrefix('r1')), 'run r1 does not claim run r10');
});

test('killMarked kills the process that left the group, spares the group, and leaves unmarked and other marks alone', async () => {
  const mark = markOf(runId, 'leaky.0', 1);
  const { pgid } = await leakyGroup(mark);
  await leakyGroup(markOf(runId, 'leaky.0', 2));
  const stranger = spawn('sleep', ['600'], { stdio: 'ignore', env: { ...process.env, CT_TAG: tag } });
  const escaped = findMarked((m) => m === mark).filter((p) => p.pgid !== pgid);
  assert.equal(escaped.length, 1);
  assert.equal(escaped[0].command, 'sleep 600');
  assert.equal(escaped[0].pgid, escaped[0].pid, 'setsid made it the leader of its own group');

  const killed = killMarked((m) => m === mark, pgid);
  assert.deepEqual(killed.map((p) => p.pid), [escaped[0].pid]);
  assert.ok(await waitFor(() => !readIdentity(escaped[0].pid), 2000), 'the escaped sleep is gone');
  assert.equal(findMarked((m) => m === mark).length, 2, 'sh and its sleep, in the spared group, still run');
  assert.equal(findMarked((m) => m === markOf(runId, 'leaky.0', 2)).length, 3, 'another generation is untouched');
  assert.ok(readIdentity(stranger.pid!), 'a process without a mark is never killed');

  // At teardown: everything of the run, in a group or not.
  const all = killMarked((m) => m.startsWith(runMarkPrefix(runId)));
  assert.equal(all.length, 5);
  assert.ok(await waitFor(() => findMarked((m) => m.startsWith(runMarkPrefix(runId))).length === 0, 2000));
  assert.ok(readIdentity(stranger.pid!), 'still alive: it was never ours');
  assert.equal(processesWithEnv('CT_TAG', tag).length, 1);
});
