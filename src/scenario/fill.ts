// Fills every ${...} string of a scenario in one pass (setup, each component instance with its self,
// workload, probes) and lists, by path, each reference that cannot be filled; run and validate share it.
import path from 'node:path';
import { interpolate, type InterpolationContext, type Scope } from './interpolate.js';
import type { PathSegment } from './locate.js';
import type { ComponentSpec, ProbeSpec, Scenario, WorkloadSpec } from './schema.js';
import { instanceName } from '../common/index.js';

/** What references resolve to: the context plus the port of every instance ("api.0" → 4100). */
export interface RunValues {
  context: InterpolationContext;
  ports: Map<string, number>;
}

/** One instance of a component, its strings filled with its own `self`. */
export interface ResolvedInstance {
  /** the component's spec with command, cwd, env, args, ready and volumes filled in */
  spec: ComponentSpec;
  /** "<name>.<replica>" */
  instance: string;
  replica: number;
  port?: number;
  /** absolute working directory (default: the scenario file's folder) */
  cwd: string;
}

/** The scenario's strings as the run uses them; the workload keeps its per-operation ${seq}, ${key}, ${uuid}. */
export interface FilledScenario {
  setup: Scenario['setup'];
  instances: ResolvedInstance[];
  workload?: WorkloadSpec;
  probes: Record<string, ProbeSpec>;
}

/** A reference that cannot be filled, at the path of the string that holds it. */
export interface FillProblem {
  path: PathSegment[];
  message: string;
}

/** Stands for an automatic port in a dry pass, before the run allocates the real one. */
const DRY_PORT = 65535;

/** Fills the whole scenario; the result is only meant to be used when `problems` is empty. */
export function fillScenario(scenario: Scenario, values: RunValues): { filled: FilledScenario; problems: FillProblem[] } {
  const problems: FillProblem[] = [];
  const fill = <T>(value: T, at: PathSegment[], context: InterpolationContext, scope: Scope): T =>
    fillDeep(value, at, (text, where) => {
      const found: string[] = [];
      const filled = interpolate(text, context, scope, found);
      problems.push(...found.map((message) => ({ path: where, message })));
      return filled;
    });
  const shared = { ...values.context, self: undefined };
  const plain = { operation: false };
  const setup = fill(scenario.setup, ['setup'], shared, plain);
  const instances = scenario.components.flatMap((spec, index) =>
    Array.from({ length: spec.replicas }, (_, replica) => {
      const instance = instanceName(spec.name, replica);
      const port = values.ports.get(instance);
      const context = { ...shared, self: { port, replica, instance, name: spec.name } };
      const at: PathSegment[] = ['components', index];
      const strings = fill({ command: spec.command, cwd: spec.cwd, env: spec.env, args: spec.args, ready: spec.ready, volumes: spec.volumes }, at, context, plain);
      problems.push(...readinessProblems(strings.ready, at));
      const cwd = path.resolve(values.context.scenario.dir, strings.cwd ?? '.');
      return { spec: { ...spec, ...strings }, instance, replica, port, cwd };
    }),
  );
  const filled = {
    setup,
    instances,
    workload: scenario.workload && fill(scenario.workload, ['workload'], shared, { operation: true }),
    probes: fill(scenario.probes, ['probes'], shared, plain),
  };
  return { filled, problems: unique(problems) };
}

/** Values to check a scenario with before a run exists: placeholder run folder, id and automatic ports. */
export function dryValues(scenario: Scenario, dir: string, env: NodeJS.ProcessEnv | undefined): RunValues {
  const ports = new Map<string, number>();
  for (const c of scenario.components) {
    for (let replica = 0; replica < c.replicas; replica++) {
      if (typeof c.port === 'number') ports.set(instanceName(c.name, replica), c.port + replica);
      else if (c.port === 'auto' || c.preset) ports.set(instanceName(c.name, replica), DRY_PORT);
    }
  }
  const components = Object.fromEntries(scenario.components.map((c) =>
    [c.name, { host: '127.0.0.1', port: ports.get(`${c.name}.0`), url: c.preset ? `${c.preset}://127.0.0.1:${DRY_PORT}` : undefined }]));
  return { context: { run: { dir: path.join(dir, 'run'), id: 'run' }, scenario: { dir }, env, components }, ports };
}

// Readiness values that only make sense once filled: a tcp port number, a log pattern that compiles.
// A reference that could not be filled is left as written and already reported.
function readinessProblems(ready: ComponentSpec['ready'], at: PathSegment[]): FillProblem[] {
  if (ready?.tcp !== undefined && !String(ready.tcp).includes('${')) {
    const port = Number(ready.tcp);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return [{ path: [...at, 'ready', 'tcp'], message: `expected a port number, got "${ready.tcp}"` }];
  }
  if (ready?.log !== undefined) {
    try {
      new RegExp(ready.log);
    } catch (error) {
      return [{ path: [...at, 'ready', 'log'], message: `not a valid regular expression: ${(error as Error).message}` }];
    }
  }
  return [];
}

function fillDeep<T>(value: T, at: PathSegment[], fill: (text: string, at: PathSegment[]) => string): T {
  if (typeof value === 'string') return fill(value, at) as T;
  if (Array.isArray(value)) return value.map((item, i) => fillDeep(item, [...at, i], fill)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, [...at, k], fill)])) as T;
  }
  return value;
}

// Every replica of a component fills the same strings: one problem per string and message.
function unique(problems: FillProblem[]): FillProblem[] {
  const seen = new Map(problems.map((p) => [`${p.path.join('.')}\n${p.message}`, p]));
  return [...seen.values()];
}
