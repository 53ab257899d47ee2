// Each fault kind on real processes, end to end through the CLI: armed kills land on the persistence
// call, pauses stop and continue a group without a restart, triggers fire on a log line, power loss
// cuts a real loop-mounted ext4; nothing (tracer, mount, loop device) is left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, pidsWithTag, runCli, startCli, tempDir, waitFor, waitForOutput } from '../helpers.js';

const FAULTS = path.join(FIXTURES, 'scenarios/faults');

async function run(file: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string; events: Record<string, any>[]; db: Database.Database; dir: string }> {
  const dir = tempDir();
  const dbFile = path.join(dir, 'results.db');
  const result = await runCli(['run', path.join(FAULTS, file), '--db', dbFile, '--out', dir], { env });
  const db = new Database(dbFile, { readonly: true });
  const events = (db.prepare('SELECT data FROM events ORDER BY id').all() as { data: string }[]).map((r) => JSON.parse(r.data));
  return { code: result.code, output: result.stdout + result.stderr, events, db, dir };
}

// What this run could have left behind (other test files run at the same time): mounts under its
// folder, and tracers still attached to one of its processes.
function leftovers(dir: string, events: Record<string, any>[]): string[] {
  const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').filter((l) => l.includes(dir));
  const ours = new Set(events.filter((e) => e.type === 'component.spawned').map((e) => String(e.pid)));
  const tracers = pidsWithTag('strace').filter((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return argv.some((arg, i) => argv[i - 1] === '-p' && ours.has(arg));
    } catch {
      return false;
    }
  });
  return [...mounts, ...tracers.map((pid) => `strace ${pid}`)];
}

test('an armed kill lands on the next fsync: syscall, file and thread recorded; no tracer left', async () => {
  const { code, output, events, db, dir } = await run('armed.yml');
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
  assert.deepEqual(leftovers(dir, events), []);
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

test('an operation trigger kills the target while an operation is in flight; the client retries it', async () => {
  const { code, output, events } = await run('op-trigger.yml');
  assert.equal(code, 0, output);
  const fired = events.filter((e) => e.type === 'fault.injected');
  assert.deepEqual(fired.map((e) => e.trigger), ['operation in flight to store', 'operation in flight to store']);
  for (const fault of fired) {
    const invoked = events.filter((e) => e.type === 'op.invoked' && e.t <= fault.t).at(-1)!;
    const completed = events.find((e) => e.type === 'op.completed' && e.op.seq === invoked.seq)!;
    assert.ok(completed.op.endMs > fault.t, `operation ${invoked.seq} was still in flight when the store was killed`);
  }
});

test('power loss: the volume is shut down unflushed, its users killed, remounted, restarted; fsynced data survives', async () => {
  const { code, output, events, db, dir } = await run('power.yml');
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
  assert.deepEqual(leftovers(dir, events), []);
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

test('kill -9 of crashtest during a power-loss run: the keeper unmounts the volume and frees its loop device', async () => {
  const dir = tempDir();
  const crashtest = startCli(['run', path.join(FAULTS, 'power.yml'), '--db', path.join(dir, 'results.db'), '--out', dir, '--duration', '20s']);
  assert.ok(await waitForOutput(crashtest.output, /phase {3}chaos/, 15_000), crashtest.output());
  const mounted = (): boolean => readFileSync('/proc/mounts', 'utf8').includes(dir);
  assert.ok(mounted(), 'the volume is mounted under the run folder');
  const runId = /crashtest: run (\S+) of/.exec(crashtest.output())![1];
  const ours = (): boolean => loopImages().some((image) => image.includes(`crashtest-${runId}-volumes/`));
  assert.ok(ours(), 'a loop device backs the volume');
  crashtest.kill('SIGKILL');
  assert.ok(await waitFor(() => !mounted(), 5_000), 'the keeper unmounted the volume');
  assert.ok(await waitFor(() => !ours(), 5_000), `loop devices left: ${loopImages()}`);
});

// The image file behind each attached loop device.
function loopImages(): string[] {
  return readdirSync('/sys/block').filter((d) => d.startsWith('loop')).flatMap((d) => {
    try {
      return [readFileSync(`/sys/block/${d}/loop/backing_file`, 'utf8').trim()];
    } catch {
      return [];
    }
  });
}
