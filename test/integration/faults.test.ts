// Each fault kind on real processes, end to end through the CLI: armed kills land on the persistence
// call, pauses stop and continue a group without a restart, triggers fire on a log line, power loss
// cuts a real loop-mounted ext4; nothing (tracer, mount, loop device) is left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, pidsWithTag, runCli, tempDir } from '../helpers.js';

const FAULTS = path.join(FIXTURES, 'scenarios/faults');

async function run(file: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string; events: Record<string, any>[]; db: Database.Database }> {
  const dir = tempDir();
  const dbFile = path.join(dir, 'results.db');
  const result = await runCli(['run', path.join(FAULTS, file), '--db', dbFile, '--out', dir], { env });
  const db = new Database(dbFile, { readonly: true });
  const events = (db.prepare('SELECT data FROM events ORDER BY id').all() as { data: string }[]).map((r) => JSON.parse(r.data));
  return { code: result.code, output: result.stdout + result.stderr, events, db };
}

function leftovers(): string[] {
  const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').filter((l) => l.includes('crashtest-test-'));
  return [...mounts, ...pidsWithTag('strace -f').map(String)];
}

test('an armed kill lands on the next fsync: syscall, file and thread recorded; no tracer left', async () => {
  const { code, output, events, db } = await run('armed.yml');
  assert.equal(code, 0, output);
  const fired = events.filter((e) => e.type === 'fault.injected');
  assert.ok(fired.length >= 1, output);
  for (const fault of fired) {
    assert.equal(fault.armed.syscall, 'fsync');
    assert.match(fault.armed.path, /journal$/);
    assert.equal(fault.armed.fellBack, null);
    assert.ok(Number.isInteger(fault.armed.tid) && fault.armed.tid > 0);
    assert.ok(fault.t >= fault.armed.armedMs);
  }
  const planned = events.find((e) => e.type === 'chaos.planned')!;
  assert.ok(planned.faults.every((f: { at: string }) => f.at === 'persistence'));
  assert.match(output, /kill {4}writer\.0 \(pid \d+\) SIGKILL · fault 1 · at fsync\(.*journal\)/);
  const row = db.prepare('SELECT kind, fired_ms, ready_ms FROM faults WHERE seq = 1').get() as { kind: string; ready_ms: number };
  assert.equal(row.kind, 'kill');
  assert.ok(row.ready_ms !== null, 'the killed writer was restarted and ready again');
  assert.deepEqual(leftovers(), []);
});

test('a pause stops the whole group and continues it: no restart, recovery timed from the continue', async () => {
  const tag = `ct-${randomUUID()}`;
  const { code, output, events } = await run('pause.yml', { CT_TAG: tag });
  assert.equal(code, 0, output);
  const paused = events.filter((e) => e.type === 'fault.injected');
  const healed = events.filter((e) => e.type === 'fault.healed');
  assert.deepEqual(paused.map((e) => [e.kind, e.signal]), [['pause', 'SIGSTOP'], ['pause', 'SIGSTOP']]);
  assert.equal(healed.length, 2);
  assert.ok(healed[0].t - paused[0].t >= 390 && healed[0].t - paused[0].t < 600, `continued after ${healed[0].t - paused[0].t} ms`);
  assert.equal(events.filter((e) => e.type === 'component.spawned').length, 1, 'a paused instance is never restarted');
  assert.equal(events.filter((e) => e.type === 'component.exited' && e.cause !== 'teardown').length, 0);
  assert.match(output, /PASS {2}recovery {5}2 faults recovered/);
  assert.deepEqual(pidsWithTag(tag), []);
});

test('a log trigger kills at the matching line, at most max times, recorded with its cause', async () => {
  const { code, output, events } = await run('triggers.yml');
  assert.equal(code, 0, output);
  const fired = events.filter((e) => e.type === 'fault.injected');
  assert.equal(fired.length, 2);
  for (const fault of fired) assert.equal(fault.trigger, 'log /^synced [0-9]+$/ on writer');
  assert.deepEqual(events.find((e) => e.type === 'chaos.planned')!.faults, [], 'a 10 s interval plans nothing in 3 s');
});

test('power loss: the volume is shut down unflushed, its users killed, remounted, restarted; fsynced data survives', async () => {
  const { code, output, events, db } = await run('power.yml');
  assert.equal(code, 0, output);
  const fault = events.find((e) => e.type === 'fault.injected')!;
  assert.equal(fault.kind, 'power-loss');
  assert.deepEqual(fault.victims, ['writer.0']);
  const healed = events.find((e) => e.type === 'fault.healed')!;
  assert.match(healed.detail, /mounted again in \d+ ms/);
  const respawn = events.find((e) => e.type === 'component.spawned' && e.t > fault.t);
  assert.ok(respawn && respawn.t >= healed.t, 'the writer restarts only once the volume is back');
  const last = db.prepare(`SELECT items FROM probe_samples WHERE probe = 'setup_file' AND final = 1`).get() as { items: string };
  assert.deepEqual(JSON.parse(last.items), ['before-setup'], 'what setup wrote and synced survived the power loss');
  assert.deepEqual(leftovers(), []);
  assert.equal(readFileSync('/proc/mounts', 'utf8').includes('/data ext4'), false);
});

test('bad fault settings are located errors (exit 2) before anything starts', async () => {
  const result = await runCli(['validate', path.join(FIXTURES, 'scenarios/bad/bad-faults.yml')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /bad-faults\.yml:\d+:\d+ chaos\.faults\.0\.kind: power-loss needs a killable component with volumes:/);
  assert.match(result.stderr, /bad-faults\.yml:\d+:\d+ chaos\.triggers\.0\.component: "wbe" matches no killable component \(components: web\)/);
  assert.doesNotMatch(result.stderr, /at .*\.js:\d+/, 'no stack trace');
  const syscall = await runCli(['validate', path.join(FIXTURES, 'scenarios/bad/bad-syscall.yml')]);
  assert.equal(syscall.code, 2);
  assert.match(syscall.stderr, /bad-syscall\.yml:7:14 chaos\.syscalls\.0: .*\(did you mean "fsync"\?\)/);
});
