// Checks that need the whole scenario: unique names, chaos targets that match a component,
// and ${...} references that can be resolved when the run starts.
import { referencesIn } from './interpolate.js';
import type { Scenario } from './schema.js';
import { matchTargets } from './targets.js';
import type { PathSegment } from './locate.js';

export interface ReferenceProblem {
  path: PathSegment[];
  message: string;
}

/** Filled per operation by the workload, not when the run starts. */
const OPERATION_REFERENCES = ['seq', 'key', 'uuid'];

/** Problems a schema alone cannot see, each with the path to point at. */
export function checkReferences(scenario: Scenario): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const seen = new Set<string>();
  scenario.components.forEach((component, index) => {
    if (seen.has(component.name)) problems.push({ path: ['components', index, 'name'], message: `duplicate component name "${component.name}"` });
    seen.add(component.name);
  });
  (scenario.chaos?.targets ?? []).forEach((target, index) => {
    if (matchTargets(scenario.components, [target]).length === 0) {
      const names = scenario.components.map((c) => c.name).join(', ');
      problems.push({ path: ['chaos', 'targets', index], message: `"${target}" matches no component (components: ${names})` });
    }
  });
  for (const [kind, spec] of Object.entries(scenario.invariants ?? {})) {
    const probe = (spec as { probe?: string } | undefined)?.probe;
    if (probe !== undefined && !Object.hasOwn(scenario.probes, probe)) {
      const known = Object.keys(scenario.probes);
      problems.push({ path: ['invariants', kind, 'probe'], message: `no probe named "${probe}" (${known.length ? `probes: ${known.join(', ')}` : 'add it under "probes:"'})` });
    }
  }
  walkStrings(scenario, [], (text, at) => {
    for (const reference of referencesIn(text)) {
      const message = referenceProblem(reference, scenario, at);
      if (message) problems.push({ path: at, message });
    }
  });
  return problems;
}

function referenceProblem(reference: string, scenario: Scenario, at: PathSegment[]): string | undefined {
  const [namespace, name, field] = reference.split('.');
  if (OPERATION_REFERENCES.includes(reference)) {
    return at[0] === 'workload' ? undefined : `\${${reference}} only exists in the workload (one value per operation)`;
  }
  if (namespace === 'components') {
    const component = scenario.components.find((c) => c.name === name);
    if (!component) return `\${${reference}}: no component named "${name}"`;
    if (field === 'port' && component.port === undefined && !component.preset) return `\${${reference}}: component "${name}" has no port (add "port: auto")`;
    if (field === 'url' && !component.preset) return `\${${reference}}: only preset components (postgres, redis) have a url`;
    if (!['port', 'host', 'url'].includes(field)) return `\${${reference}}: expected components.${name}.port, .host or .url`;
    return undefined;
  }
  if (namespace === 'self') {
    if (at[0] !== 'components') return `\${${reference}}: "self" only exists inside a component`;
    const component = scenario.components[at[1] as number];
    if (name === 'port' && component.port === undefined) return `\${self.port}: this component has no port (add "port: auto")`;
    return ['port', 'replica', 'instance', 'name'].includes(name) ? undefined : `\${${reference}}: expected self.port, self.replica, self.instance or self.name`;
  }
  if (namespace === 'run') return ['dir', 'id'].includes(name) ? undefined : `\${${reference}}: expected run.dir or run.id`;
  if (namespace === 'scenario') return name === 'dir' ? undefined : `\${${reference}}: expected scenario.dir`;
  if (namespace === 'env') return name ? undefined : `\${env}: expected env.NAME`;
  return `\${${reference}}: unknown reference (expected run., scenario., env., components. or self.)`;
}

function walkStrings(value: unknown, at: PathSegment[], visit: (text: string, at: PathSegment[]) => void): void {
  if (typeof value === 'string') visit(value, at);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, [...at, i], visit));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...at, key], visit);
  }
}
