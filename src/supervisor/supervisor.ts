// Starts every instance in order and waits until it is ready, restarts what dies (by policy),
// kills on request, and stops everything at the end: all groups gone, nothing signalled that we did not start.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SystemError } from '../errors.js';
import type { ExitCause, RunEvent, RunRecorder } from '../store/index.js';
import { killGroup, waitGroupGone, type OrphanReaper, type ProcessIdentity } from '../process/index.js';
import { waitReady, type ReadyOutcome } from './readiness.js';
import { decideRestart } from './restart-policy.js';
import { spawnInstance, type ExitStatus, type Launched } from './spawn.js';
import { EscapeSweeper } from './escapes.js';
import { BoundedLog, type LogLimits } from './bounded-log.js';
import { EXIT_TAIL_LINES, type InstancePlan, type KillOutcome, type Live } from './instance.js';

export type { InstancePlan, KillOutcome } from './instance.js';


export class Supervisor {
  private readonly live = new Map<string, Live>();
  private stopping = false;
  /** until every component is ready once, an exit fails the start instead of being restarted */
  private started = false;
  private readonly escapes: EscapeSweeper;

  constructor(
    private readonly plans: readonly InstancePlan[],
    private readonly recorder: RunRecorder,
    private readonly options: { logsDir: string; t0: number; reaper: OrphanReaper; logLimits?: LogLimits; onFailure?: (error: Error) => void },
  ) {
    mkdirSync(options.logsDir, { recursive: true });
    this.escapes = new EscapeSweeper(recorder, () => this.now(), options.reaper);
    const logEvents = {
      onFailure: (error: Error) => options.onFailure?.(error),
      onNote: (message: string) => this.recorder.record({ type: 'run.note', t: this.now(), level: 'warn', message }),
    };
    for (const plan of plans) {
      const log = new BoundedLog(path.join(options.logsDir, `${plan.instance}.log`), logEvents, options.logLimits);
      this.live.set(plan.instance, { plan, generation: 0, spawnedAt: 0, running: false, crashStreak: 0, log, watchers: new Set(), tail: [] });
    }
  }

  /** Starts components in file order, all replicas of one before the next; throws SystemError (exit 3) if one is never ready. */
  async startAll(): Promise<void> {
    const components = [...new Set(this.plans.map((p) => p.component))];
    for (const component of components) {
      const lives = [...this.live.values()].filter((l) => l.plan.component === component);
      for (const { plan } of lives) {
        if (plan.scratchDir) this.options.reaper.adoptFolder(plan.scratchDir);
        await plan.prepare?.();
      }
      const outcomes = await Promise.all(lives.map((l) => this.spawn(l)));
      const failed = outcomes.findIndex((o) => !o.ready);
      if (failed >= 0) throw this.startFailure(lives[failed], outcomes[failed] as { reason: string });
    }
    this.started = true;
  }

  /** SIGKILLs an instance's whole process group on behalf of chaos; it is restarted by its policy. */
  kill(instance: string, signal: NodeJS.Signals = 'SIGKILL'): KillOutcome {
    const identity = this.expectKill(instance);
    if (!identity) return { fired: false, reason: `${instance} is not running` };
    const result = killGroup(identity, signal);
    if (result === 'killed') return { fired: true, pid: identity.pid, signal };
    this.forgiveKill(instance);
    return { fired: false, reason: result === 'refused' ? `pid ${identity.pid} now belongs to another process` : `${instance} already exited` };
  }

  /** The running process group of an instance, marked so that its next exit counts as ours (cause chaos); undefined when not running. */
  expectKill(instance: string): ProcessIdentity | undefined {
    const identity = this.group(instance);
    if (identity) this.live.get(instance)!.pendingCause = 'chaos';
    return identity;
  }

  /** The running process group of an instance, or undefined. */
  group(instance: string): ProcessIdentity | undefined {
    const live = this.live.get(instance);
    return live?.launched && live.running ? live.launched.identity : undefined;
  }

  /** Undoes expectKill when the fault did not happen after all. */
  forgiveKill(instance: string): void {
    const live = this.live.get(instance);
    if (live?.pendingCause === 'chaos') live.pendingCause = undefined;
  }

  /** Restarts of these instances after their next chaos kill wait until `until` settles. */
  holdRestarts(instances: readonly string[], until: Promise<unknown>): void {
    const settled = until.then(() => undefined, () => undefined);
    for (const instance of instances) {
      const live = this.live.get(instance);
      if (!live) continue;
      live.hold = settled;
      void settled.then(() => { if (live.hold === settled) live.hold = undefined; });
    }
  }

  /** Calls `listener` with every output line of every instance (for log triggers); returns an unsubscribe function. */
  onLine(listener: (instance: string, line: string) => void): () => void {
    const subscriptions = [...this.live.values()].map((live) => {
      const watcher = (line: string): void => listener(live.plan.instance, line);
      live.watchers.add(watcher);
      return () => live.watchers.delete(watcher);
    });
    return () => subscriptions.forEach((unsubscribe) => unsubscribe());
  }

  /** Instances running now, for resource sampling. */
  runningPids(): { instance: string; pid: number }[] {
    return [...this.live.values()].filter((l) => l.running && l.launched).map((l) => ({ instance: l.plan.instance, pid: l.launched!.identity.pid }));
  }

  /** Kills every group we started and waits until none of their processes is left (the caller then closes the keeper). */
  async stopAll(): Promise<void> {
    this.stopping = true;
    const lives = [...this.live.values()];
    for (const live of lives) clearTimeout(live.restartTimer);
    const exits = lives.filter((l) => l.running && l.launched).map((live) => {
      live.pendingCause = 'teardown';
      killGroup(live.launched!.identity);
      return live.launched!.exited;
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(exits), new Promise((resolve) => { timer = setTimeout(resolve, 5000); })]);
    clearTimeout(timer);
    await Promise.all(lives.filter((l) => l.launched).map((l) => waitGroupGone(l.launched!.identity.pgid)));
    this.escapes.sweepRun();
    await Promise.all(lives.map((l) => new Promise<void>((resolve) => l.log.end(resolve))));
    for (const dir of new Set(lives.map((l) => l.plan.scratchDir))) {
      if (!dir) continue;
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
      this.options.reaper.releaseFolder(dir);
    }
  }

  /** Spawns the next generation; `earlier` are events that happened before it, recorded after the spawn. */
  private spawn(live: Live, earlier: RunEvent[] = []): Promise<ReadyOutcome> {
    const { plan } = live;
    live.generation += 1;
    const t0 = this.options.t0;
    live.generationLines = 0;
    const onLine = (line: string): void => {
      live.generationLines = (live.generationLines ?? 0) + 1;
      live.tail.push(line);
      if (live.tail.length > 20) live.tail.shift();
      for (const watcher of live.watchers) watcher(line);
      if (plan.notes?.test(line)) this.recorder.record({ type: 'run.note', t: this.now(), level: 'info', message: `${plan.instance}: ${line.trim()}` });
    };
    const generation = live.generation;
    const launch = { ...plan.launch, env: { ...plan.launch.env, ...this.escapes.env(plan.instance, generation) } };
    const launched = spawnInstance(launch, live.log, onLine, t0);
    live.launched = launched;
    live.running = true;
    live.spawnedAt = performance.now();
    if (!live.log.writableEnded) live.log.write(`--- generation ${live.generation}: pid ${launched.identity.pid}\n`);
    if (launched.identity.pid > 0) this.options.reaper.adopt(launched.identity);
    const now = this.now();
    // Disk work (the database, the log) comes after the spawn: it stays out of the restart path.
    for (const event of earlier) this.recorder.record(event);
    this.recorder.record({ type: 'component.spawned', t: now, instance: plan.instance, component: plan.component, pid: launched.identity.pid, generation: live.generation });
    void launched.exited.then((status) => this.onExit(live, launched, status, generation));
    return this.awaitReady(live, launched);
  }

  private async awaitReady(live: Live, launched: Launched): Promise<ReadyOutcome> {
    const { plan } = live;
    const outcome: ReadyOutcome = plan.ready
      ? await waitReady({
          ...plan.ready, exited: launched.exited,
          watchLines: (fn) => { live.watchers.add(fn); return () => live.watchers.delete(fn); },
        })
      : { ready: true };
    if (live.launched !== launched || this.stopping) return outcome;
    const pid = launched.identity.pid;
    if (outcome.ready) {
      this.recorder.record({ type: 'component.ready', t: this.now(), instance: plan.instance, pid, afterMs: performance.now() - live.spawnedAt });
    } else if (live.running) {
      this.recorder.record({ type: 'component.unready', t: this.now(), instance: plan.instance, pid, reason: outcome.reason });
    }
    return outcome;
  }

  private onExit(live: Live, launched: Launched, status: ExitStatus, generation: number): void {
    const t = this.now();
    const cause: ExitCause = live.pendingCause ?? (this.stopping ? 'teardown' : 'self');
    live.pendingCause = undefined;
    live.running = false;
    const uptimeMs = performance.now() - live.spawnedAt;
    const { instance } = live.plan;
    if (status.failure) {
      live.tail.push(status.failure);
      live.generationLines = (live.generationLines ?? 0) + 1;
    }
    const exited: RunEvent = { type: 'component.exited', t, instance, pid: launched.identity.pid, code: status.code, signal: status.signal, cause, uptimeMs };
    if (cause === 'self') {
      const lines = Math.min(live.generationLines ?? 0, live.tail.length);
      exited.tail = (lines === 0 ? [] : live.tail.slice(-lines)).filter((line) => line.trim() !== '').slice(-EXIT_TAIL_LINES);
    }
    const decision = decideRestart(live.plan.restart, cause, uptimeMs, live.crashStreak);
    live.crashStreak = decision.crashStreak;
    const restarting: RunEvent = { type: 'component.restarting', t, instance, delayMs: decision.delayMs, reason: decision.reason };
    const restartNow = decision.restart && decision.delayMs === 0 && this.started && !this.stopping;
    if (restartNow && live.hold) {
      this.recorder.record(exited);
      this.recorder.record(restarting);
      void live.hold.then(() => !this.stopping && void this.spawn(live));
    } else if (restartNow) void this.spawn(live, [exited, restarting]);
    else this.recorder.record(exited);
    // The leader is gone; children it left behind in its group die with it, as on a real crash.
    if (cause === 'self') killGroup(launched.identity);
    // What left the group (setsid) dies with it too; after the restart above, which is on the clock.
    this.escapes.sweepGeneration(instance, generation, launched.identity.pgid);
    this.options.reaper.release(launched.identity);
    if (restartNow || this.stopping || !this.started || !decision.restart) return;
    this.recorder.record(restarting);
    live.restartTimer = setTimeout(() => !this.stopping && void this.spawn(live), decision.delayMs);
  }

  private startFailure(live: Live, outcome: { reason: string }): SystemError {
    const pid = live.launched?.identity.pid;
    const tail = live.tail.length ? live.tail.map((l) => `  | ${l}`).join('\n') : '  (no output)';
    const logFile = path.join(this.options.logsDir, `${live.plan.instance}.log`);
    return new SystemError(`${live.plan.instance} (pid ${pid}) failed to start: ${outcome.reason}`, `last lines of ${logFile}:\n${tail}`);
  }

  private now(): number {
    return performance.now() - this.options.t0;
  }
}
