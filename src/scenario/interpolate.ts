// Fills ${...} references in scenario strings: ${run.dir}, ${run.id}, ${scenario.dir}, ${env.NAME},
// ${env.NAME:-default}, ${components.api.port|host|url}, ${self.port|replica|instance|name}.
import { suggestSimilar } from './suggest.js';

const REFERENCE = /\$\{([^}]*)\}/g;

/** Values a reference can resolve to, built when the run starts (or a dry copy to validate with). */
export interface InterpolationContext {
  run: { dir: string; id: string };
  scenario: { dir: string };
  /** the environment; undefined while it is not known yet (loading): every ${env.X} is then accepted */
  env: NodeJS.ProcessEnv | undefined;
  components: Record<string, { port?: number; host: string; url?: string }>;
  /** the instance whose strings are filled; only inside a component */
  self?: { port?: number; replica: number; instance: string; name: string };
}

/** Where a string sits: only workload strings may use the per-operation ${seq}, ${key}, ${uuid}. */
export interface Scope {
  operation: boolean;
}

/** Filled per operation by the workload; left in place when the run starts. */
const OPERATION = new Set(['seq', 'key', 'uuid']);

/** Fills the per-operation references ${seq}, ${key}, ${uuid} of a workload template. */
export function fillOperation(text: string, values: { seq: number; key: string; uuid: string }): string {
  return text.replace(REFERENCE, (whole, inner: string) => {
    const name = inner.trim();
    return name === 'seq' ? String(values.seq) : name === 'key' ? values.key : name === 'uuid' ? values.uuid : whole;
  });
}

/** Replaces every reference it can; each one it cannot is left as written and explained in `problems`. */
export function interpolate(text: string, context: InterpolationContext, scope: Scope, problems: string[]): string {
  const unclosed = text.replace(REFERENCE, '').indexOf('${');
  if (unclosed >= 0) problems.push(`"\${" without its "}" (expected \${name}): ${JSON.stringify(text.replace(REFERENCE, '').slice(unclosed, unclosed + 30))}`);
  return text.replace(REFERENCE, (whole, inner: string) => {
    const result = resolve(inner.trim(), context, scope);
    if (typeof result === 'string') return result;
    problems.push(`${whole}: ${result.problem}`);
    return whole;
  });
}

function resolve(reference: string, context: InterpolationContext, scope: Scope): string | { problem: string } {
  if (OPERATION.has(reference)) return scope.operation ? `\${${reference}}` : { problem: 'only exists in the workload (one value per operation)' };
  const [root, ...rest] = reference.split('.');
  if (root === 'env') return environment(rest.join('.'), context.env);
  if (root === 'components') return component(rest, context.components);
  if (root === 'self') {
    if (!context.self) return { problem: '"self" only exists inside a component' };
    return field(context.self, rest, ['port', 'replica', 'instance', 'name'], 'self', 'this component has no port (add "port: auto")');
  }
  if (root === 'run') return field(context.run, rest, ['dir', 'id'], 'run');
  if (root === 'scenario') return field(context.scenario, rest, ['dir'], 'scenario');
  const guess = suggestSimilar(root, ['run', 'scenario', 'env', 'components', 'self']);
  if (guess) return { problem: `unknown reference (did you mean \${${[guess, ...rest].join('.')}}?)` };
  return { problem: 'unknown reference (expected run., scenario., env., components. or self.)' };
}

function environment(spec: string, env: NodeJS.ProcessEnv | undefined): string | { problem: string } {
  const split = spec.indexOf(':-');
  const [name, fallback] = split < 0 ? [spec, undefined] : [spec.slice(0, split), spec.slice(split + 2)];
  if (!name) return { problem: 'expected env.NAME' };
  const value = env === undefined ? '' : env[name] ?? fallback;
  if (value === undefined) return { problem: `environment variable ${name} is not set (pass --env ${name}=... or write \${env.${name}:-default})` };
  return value;
}

function component(path: string[], components: InterpolationContext['components']): string | { problem: string } {
  const [name, key] = path;
  const known = Object.keys(components);
  if (!Object.hasOwn(components, name ?? '')) {
    const guess = suggestSimilar(name ?? '', known);
    return { problem: `no component named "${name ?? ''}" (${guess ? `did you mean "${guess}"?` : `components: ${known.join(', ')}`})` };
  }
  const values = components[name];
  if (path.length === 2 && key === 'url' && values.url === undefined) return { problem: 'only preset components (postgres, redis) have a url' };
  return field(values, path.slice(1), ['port', 'host', 'url'], `components.${name}`, `component "${name}" has no port (add "port: auto")`);
}

function field(values: object, path: string[], keys: string[], prefix: string, missing?: string): string | { problem: string } {
  const [key] = path;
  if (path.length > 1 && keys.includes(key)) return { problem: `${prefix}.${key} is a single value: nothing can follow it (".${path.slice(1).join('.')}")` };
  if (path.length !== 1 || !keys.includes(key)) return { problem: `expected ${keys.map((k) => `${prefix}.${k}`).join(', ')}` };
  const value = (values as Record<string, unknown>)[key];
  if (value === undefined || value === null) return { problem: missing ?? `${prefix}.${key} has no value` };
  return String(value);
}
