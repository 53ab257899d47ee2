// Turns a loaded scenario into what the supervisor runs: free ports, ${...} filled in, readiness checks.
import { createServer } from 'node:net';
import path from 'node:path';
import { ScenarioError } from '../errors.js';
import { interpolateDeep, type InterpolationContext, type LoadedScenario } from '../scenario/index.js';
import type { InstancePlan, ReadyCheck } from '../supervisor/index.js';
import { buildPreset } from '../presets/index.js';
import type { ComponentSpec } from '../scenario/index.js';

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Allocates ports and builds the interpolation context shared by components, workload and probes. */
export async function buildContext(loaded: LoadedScenario, run: { dir: string; id: string }, extraEnv: Record<string, string> = {}): Promise<{ context: InterpolationContext; ports: Map<string, number> }> {
  const ports = new Map<string, number>();
  for (const component of loaded.scenario.components) {
    for (let replica = 0; replica < component.replicas; replica++) {
      if (component.port === 'auto' || (component.port === undefined && component.preset)) ports.set(`${component.name}.${replica}`, await freePort());
      else if (component.port !== undefined) ports.set(`${component.name}.${replica}`, component.port + replica);
    }
  }
  const components = Object.fromEntries(loaded.scenario.components.map((c) => {
    const port = ports.get(`${c.name}.0`);
    const url = c.preset === 'postgres' ? `postgres://postgres@127.0.0.1:${port}/postgres` : c.preset === 'redis' ? `redis://127.0.0.1:${port}` : undefined;
    return [c.name, { host: '127.0.0.1', port, url }];
  }));
  return { context: { run, scenario: { dir: loaded.dir }, env: { ...process.env, ...extraEnv }, components }, ports };
}

/** One InstancePlan per replica of every component, in file order. */
export function planInstances(loaded: LoadedScenario, context: InterpolationContext, ports: Map<string, number>, extraEnv: Record<string, string> = {}): InstancePlan[] {
  return loaded.scenario.components.flatMap((spec) =>
    Array.from({ length: spec.replicas }, (_, replica) => {
      const instance = `${spec.name}.${replica}`;
      const self = { port: ports.get(instance), replica, instance, name: spec.name };
      const c = fill({ command: spec.command, cwd: spec.cwd ?? loaded.dir, env: spec.env, ready: spec.ready, args: spec.args }, { ...context, self }, instance);
      const cwd = path.resolve(loaded.dir, c.cwd);
      const env = { ...extraEnv, ...c.env, CRASHTEST_INSTANCE: instance, CRASHTEST_RUN_DIR: context.run.dir, ...(self.port ? { PORT: String(self.port) } : {}) };
      if (spec.preset) return presetPlan(spec, { instance, port: self.port!, args: c.args, env, context });
      const plan: InstancePlan = { component: spec.name, instance, launch: { command: c.command!, cwd, env }, restart: spec.restart };
      if (c.ready) plan.ready = { check: readyCheck(c.ready, cwd, env, instance), timeoutMs: c.ready.timeout, everyMs: c.ready.every };
      return plan;
    }),
  );
}

function presetPlan(spec: ComponentSpec, o: { instance: string; port: number; args: string[]; env: Record<string, string>; context: InterpolationContext }): InstancePlan {
  const preset = buildPreset(spec.preset!, { instance: o.instance, runId: o.context.run.id, runDir: o.context.run.dir, port: o.port, args: o.args, binDir: spec.bin_dir, user: spec.user });
  return {
    component: spec.name, instance: o.instance, restart: spec.restart,
    launch: { ...preset.launch, env: { ...preset.launch.env, ...o.env } },
    ready: { check: preset.ready, timeoutMs: spec.ready?.timeout ?? 30_000, everyMs: spec.ready?.every ?? 20 },
    prepare: preset.prepare, cleanup: preset.cleanup, notes: preset.notes,
  };
}

function fill<T>(value: T, context: InterpolationContext, instance: string): T {
  try {
    return interpolateDeep(value, context);
  } catch (error) {
    throw new ScenarioError(`${instance}: ${(error as Error).message}`);
  }
}

function readyCheck(ready: NonNullable<ComponentSpec['ready']>, cwd: string, env: Record<string, string>, instance: string): ReadyCheck {
  if (ready.tcp !== undefined) {
    const port = Number(ready.tcp);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ScenarioError(`${instance}: ready.tcp must be a port number, got "${ready.tcp}"`);
    return { kind: 'tcp', port };
  }
  if (ready.http !== undefined) return { kind: 'http', url: ready.http };
  if (ready.log !== undefined) {
    try {
      return { kind: 'log', pattern: new RegExp(ready.log) };
    } catch (error) {
      throw new ScenarioError(`${instance}: ready.log is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  return { kind: 'command', command: ready.command!, cwd, env };
}
