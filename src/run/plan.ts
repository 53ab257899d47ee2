// Turns a scenario into what the supervisor runs: free ports and the values ${...} resolve to (buildContext),
// then, from the resolved scenario, one launch and readiness check per instance (planInstances).
import { createServer } from 'node:net';
import type { InterpolationContext, LoadedScenario, ResolvedInstance, ResolvedScenario, RunValues } from '../scenario/index.js';
import type { InstancePlan, ReadyCheck } from '../supervisor/index.js';
import { buildPreset } from '../presets/index.js';
import type { ComponentSpec } from '../scenario/index.js';
import { instanceName } from '../common/index.js';

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
export async function buildContext(loaded: LoadedScenario, run: { dir: string; id: string }, extraEnv: Record<string, string> = {}): Promise<RunValues> {
  const ports = new Map<string, number>();
  for (const component of loaded.scenario.components) {
    for (let replica = 0; replica < component.replicas; replica++) {
      if (component.port === 'auto' || (component.port === undefined && component.preset)) ports.set(instanceName(component.name, replica), await freePort());
      else if (component.port !== undefined) ports.set(instanceName(component.name, replica), component.port + replica);
    }
  }
  const components = Object.fromEntries(loaded.scenario.components.map((c) => {
    const port = ports.get(`${c.name}.0`);
    const url = c.preset === 'postgres' ? `postgres://postgres@127.0.0.1:${port}/postgres` : c.preset === 'redis' ? `redis://127.0.0.1:${port}` : undefined;
    return [c.name, { host: '127.0.0.1', port, url }];
  }));
  return { context: { run, scenario: { dir: loaded.dir }, env: { ...process.env, ...extraEnv }, components }, ports };
}

/** One InstancePlan per replica of every component, in file order, from the resolved scenario. */
export function planInstances(resolved: ResolvedScenario, extraEnv: Record<string, string> = {}): InstancePlan[] {
  return resolved.instances.map((resolvedInstance) => {
    const { spec, instance, port, cwd } = resolvedInstance;
    const env = { ...extraEnv, ...spec.env, CRASHTEST_INSTANCE: instance, CRASHTEST_RUN_DIR: resolved.context.run.dir, ...(port ? { PORT: String(port) } : {}) };
    if (spec.preset) return presetPlan(resolvedInstance, env, resolved.context);
    const plan: InstancePlan = { component: spec.name, instance, launch: { command: spec.command!, cwd, env }, restart: spec.restart };
    if (spec.ready) plan.ready = { check: readyCheck(spec.ready, cwd, env), timeoutMs: spec.ready.timeout, everyMs: spec.ready.every };
    return plan;
  });
}

function presetPlan({ spec, instance, port }: ResolvedInstance, env: Record<string, string>, context: InterpolationContext): InstancePlan {
  const preset = buildPreset(spec.preset!, { instance, runId: context.run.id, runDir: context.run.dir, port: port!, args: spec.args, binDir: spec.bin_dir, user: spec.user });
  return {
    component: spec.name, instance, restart: spec.restart,
    launch: { ...preset.launch, env: { ...preset.launch.env, ...env } },
    ready: { check: preset.ready, timeoutMs: spec.ready?.timeout ?? 30_000, everyMs: spec.ready?.every ?? 20 },
    prepare: preset.prepare, scratchDir: preset.scratchDir, notes: preset.notes,
  };
}

// The tcp port and the log pattern were checked when the scenario was resolved.
function readyCheck(ready: NonNullable<ComponentSpec['ready']>, cwd: string, env: Record<string, string>): ReadyCheck {
  if (ready.tcp !== undefined) return { kind: 'tcp', port: Number(ready.tcp) };
  if (ready.http !== undefined) return { kind: 'http', url: ready.http };
  if (ready.log !== undefined) return { kind: 'log', pattern: new RegExp(ready.log) };
  return { kind: 'command', command: ready.command!, cwd, env };
}
