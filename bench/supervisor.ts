// Supervisor benchmark: respawn latency (kill → replacement running, and ready again) and kill timing
// error over hundreds of kills, against a bare child_process.spawn respawn loop measured in the same run;
// and crashtest's own CPU and RSS while supervising 100 idle components.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchedule, startNemesis, type NemesisOptions, type PlannedFault } from '../src/chaos/index.js';
import { Supervisor, type InstancePlan } from '../src/supervisor/index.js';
import { OrphanReaper } from '../src/process/index.js';
import { openStore, RunRecorder, type RunEvent } from '../src/store/index.js';
import { median, percentile, table, ms } from './stats.js';

const RESTART = { policy: 'always' as const, delay: 0, backoff_max: 5000, min_uptime: 1000 };
const SLEEP: InstancePlan['launch'] = { command: ['sleep', '3600'], cwd: '/', env: {} };

/** A supervisor on a temporary database, its events collected in memory. */
async function withSupervisor<T>(plans: InstancePlan[], body: (s: Supervisor, r: RunRecorder, events: RunEvent[], t0: number) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crashtest-bench-'));
  const db = openStore(path.join(dir, 'bench.db'));
  const recorder = new RunRecorder(db, { id: 'bench', name: 'bench', scenarioPath: '-', scenarioJson: '{}', seed: 1, chaos: true, startedAt: new Date().toISOString(),
    durationMs: 0, chaosStartMs: 0, quietStartMs: 0, command: '-', outDir: dir, ownerPid: process.pid, ownerStart: '-', version: '-' });
  const events: RunEvent[] = [];
  recorder.onEvent((event) => events.push(event));
  const t0 = performance.now();
  const reaper = new OrphanReaper();
  const supervisor = new Supervisor(plans, recorder, { logsDir: path.join(dir, 'logs'), t0, reaper });
  try {
    await supervisor.startAll();
    return await body(supervisor, recorder, events, t0);
  } finally {
    await supervisor.stopAll();
    reaper.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Plain kills only: no volumes, nothing armed. */
function nemesisOptions(schedule: PlannedFault[], supervisor: Supervisor, recorder: RunRecorder, t0: number): NemesisOptions {
  return {
    schedule, t0, victims: supervisor, record: (event) => recorder.record(event), now: () => performance.now() - t0,
    volumeOf: () => undefined, armKill: async () => ({ fired: false, reason: 'not armed in this benchmark' }), armBoundMs: 0, armUntilMs: 0,
  };
}

/** crashtest: N kills on a schedule; kill → spawned (running) and fired − scheduled. */
async function crashtestRespawn(kills: number, intervalMs: number): Promise<{ respawn: number[]; timing: number[] }> {
  const plans = ['a', 'b', 'c', 'd'].map((name) => ({ component: name, instance: `${name}.0`, launch: SLEEP, restart: RESTART }));
  return withSupervisor(plans, async (supervisor, recorder, events, t0) => {
    const start = Math.ceil(performance.now() - t0);
    const schedule = buildSchedule({ seed: 1, targets: plans.map((p) => p.instance), intervalMs, jitterMs: 0, startAfterMs: 0, quietStartMs: intervalMs * (kills + 1) })
      .map((f) => ({ ...f, atMs: f.atMs + start }));
    startNemesis(nemesisOptions(schedule, supervisor, recorder, t0));
    await new Promise((resolve) => setTimeout(resolve, intervalMs * (kills + 2)));
    const respawn: number[] = [];
    const timing: number[] = [];
    for (const fault of events.filter((e) => e.type === 'fault.injected')) {
      timing.push(fault.t - fault.scheduledMs);
      const next = events.find((e) => e.type === 'component.spawned' && e.instance === fault.instance && e.t >= fault.t);
      if (next) respawn.push(next.t - fault.t);
    }
    return { respawn, timing };
  });
}

/** crashtest: kill → ready again (a node program that prints its readiness line). */
async function crashtestReady(kills: number): Promise<number[]> {
  const forever = path.resolve('test/fixtures/programs/forever.cjs');
  const plan: InstancePlan = { component: 'n', instance: 'n.0', launch: { command: [process.execPath, forever], cwd: '/', env: {} }, restart: RESTART,
    ready: { check: { kind: 'log', pattern: /^started/ }, timeoutMs: 5000, everyMs: 50 } };
  return withSupervisor([plan], async (supervisor, _r, events) => {
    const times: number[] = [];
    for (let i = 0; i < kills; i++) {
      const before = events.length;
      const killedAt = performance.now();
      supervisor.kill('n.0');
      while (!events.slice(before).some((e) => e.type === 'component.ready')) await new Promise((resolve) => setTimeout(resolve, 1));
      times.push(performance.now() - killedAt);
    }
    return times;
  });
}

/** The floor: a bare spawn loop that respawns `sleep` on exit, killed the same way. */
async function bareRespawn(kills: number, intervalMs: number): Promise<number[]> {
  const times: number[] = [];
  let child = spawn('sleep', ['3600'], { detached: true, stdio: 'ignore' });
  for (let i = 0; i < kills; i++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const killedAt = performance.now();
    const respawned = new Promise<void>((resolve) => child.once('exit', () => {
      child = spawn('sleep', ['3600'], { detached: true, stdio: 'ignore' });
      times.push(performance.now() - killedAt);
      resolve();
    }));
    process.kill(-child.pid!, 'SIGKILL');
    await respawned;
  }
  process.kill(-child.pid!, 'SIGKILL');
  return times;
}

/** crashtest's own CPU % of one core and RSS while supervising 100 idle components at a 10 s kill interval. */
async function idleOverhead(seconds: number): Promise<{ cpuPercent: number; rssMiB: number }> {
  const plans = Array.from({ length: 100 }, (_, i) => ({ component: `c${i}`, instance: `c${i}.0`, launch: SLEEP, restart: RESTART }));
  return withSupervisor(plans, async (supervisor, recorder, _events, t0) => {
    const { sampleUsage } = await import('../src/supervisor/index.js');
    const stopUsage = sampleUsage(supervisor, recorder, t0);
    const schedule = buildSchedule({ seed: 2, targets: plans.map((p) => p.instance), intervalMs: 10_000, jitterMs: 0, startAfterMs: 0, quietStartMs: seconds * 1000 })
      .map((f) => ({ ...f, atMs: f.atMs + (performance.now() - t0) }));
    const nemesis = startNemesis(nemesisOptions(schedule, supervisor, recorder, t0));
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const cpu = process.cpuUsage(cpuBefore);
    await nemesis.stop();
    stopUsage();
    return { cpuPercent: ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100, rssMiB: process.memoryUsage().rss / 2 ** 20 };
  });
}

/** Runs the supervisor benchmark and returns its Markdown section. */
export async function benchSupervisor(): Promise<string> {
  const kills = Number(process.env.BENCH_KILLS ?? 300);
  const bare = await bareRespawn(kills, 20);
  const ours = await crashtestRespawn(kills, 20);
  const ready = await crashtestReady(Math.min(kills, 100));
  const idle = await idleOverhead(Number(process.env.BENCH_IDLE_SECONDS ?? 30));
  const row = (name: string, values: number[]): (string | number)[] => [name, values.length, ms(median(values)), ms(percentile(values, 99))];
  return [
    `### Supervisor (${kills} kills, kill interval 20 ms, target: \`sleep\`)`,
    '',
    table(['measure', 'n', 'p50', 'p99'], [
      row('bare child_process.spawn loop: kill → running again', bare),
      row('crashtest: kill → replacement running', ours.respawn),
      row('crashtest: kill → ready again (node, log line)', ready),
      row('crashtest: kill timing error (fired − scheduled)', ours.timing),
    ]),
    '',
    `Respawn p50 ratio crashtest / bare loop: **${(median(ours.respawn) / median(bare)).toFixed(2)}×**, p99 ratio ${(percentile(ours.respawn, 99) / percentile(bare, 99)).toFixed(2)}×.`,
    `crashtest supervising 100 idle components (kill every 10 s, CPU/RSS sampled every second): **${idle.cpuPercent.toFixed(2)} % of one core**, RSS ${idle.rssMiB.toFixed(0)} MiB.`,
  ].join('\n');
}
