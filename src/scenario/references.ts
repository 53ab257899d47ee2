// Checks that need the whole scenario: unique names, chaos targets that match a component, invariant
// probes that exist (${...} references are checked by filling them, see fill.ts).
import type { Scenario } from './schema.js';
import { matchTargets } from './targets.js';
import type { PathSegment } from './locate.js';

export interface ReferenceProblem {
  path: PathSegment[];
  message: string;
}

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
  return problems;
}
