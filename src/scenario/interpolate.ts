// Fills ${...} references in scenario strings: ${run.dir}, ${run.id}, ${scenario.dir}, ${env.NAME},
// ${env.NAME:-default}, ${components.api.port}, ${self.port}, ${self.replica}, ${self.instance}.

const REFERENCE = /\$\{([^}]*)\}/g;

/** Values a reference can resolve to, built when the run starts. */
export interface InterpolationContext {
  run: { dir: string; id: string };
  scenario: { dir: string };
  env: NodeJS.ProcessEnv;
  components: Record<string, { port?: number; host: string; url?: string }>;
  self?: { port?: number; replica: number; instance: string; name: string };
}

/** Fills the per-operation references ${seq}, ${key}, ${uuid} of a workload template. */
export function fillOperation(text: string, values: { seq: number; key: string; uuid: string }): string {
  return text.replace(REFERENCE, (whole, inner: string) => {
    const name = inner.trim();
    return name === 'seq' ? String(values.seq) : name === 'key' ? values.key : name === 'uuid' ? values.uuid : whole;
  });
}

/** Every ${...} reference in a string, as its inner text. */
export function referencesIn(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((match) => match[1].trim());
}

/** Replaces every reference; throws an Error naming the reference that cannot be resolved. */
export function interpolate(text: string, context: InterpolationContext): string {
  return text.replace(REFERENCE, (_, inner: string) => resolve(inner.trim(), context));
}

/** Interpolates every string inside a JSON-like value. */
export function interpolateDeep<T>(value: T, context: InterpolationContext): T {
  if (typeof value === 'string') return interpolate(value, context) as T;
  if (Array.isArray(value)) return value.map((item) => interpolateDeep(item, context)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, context)])) as T;
  }
  return value;
}

/** References the workload fills per operation; left in place when the run starts. */
const LATE = new Set(['seq', 'key', 'uuid']);

function resolve(reference: string, context: InterpolationContext): string {
  if (LATE.has(reference)) return `\${${reference}}`;
  const [namespace, ...rest] = reference.split('.');
  if (namespace === 'env') {
    const [name, fallback] = rest.join('.').split(':-');
    const value = context.env[name] ?? fallback;
    if (value === undefined) throw new Error(`\${${reference}}: environment variable ${name} is not set (write \${env.${name}:-default} for a default)`);
    return value;
  }
  const value = lookup(context as unknown as Record<string, unknown>, [namespace, ...rest]);
  if (value === undefined || value === null || typeof value === 'object') {
    throw new Error(`\${${reference}} does not name a value (known: run.dir, run.id, scenario.dir, env.NAME, components.<name>.port, components.<name>.host, self.port, self.replica, self.instance)`);
  }
  return String(value);
}

function lookup(root: Record<string, unknown>, path: string[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (!current || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
