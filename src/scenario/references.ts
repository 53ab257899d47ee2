// Checks that need the whole scenario: unique names, chaos targets and triggers that match a component,
// faults that have something to act on, invariant probes that exist (${...} references are checked by filling them, see fill.ts).
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
      problems.push({ path: ['chaos', 'targets', index], message: notKillable(scenario, target) ?? `"${target}" matches no component (components: ${names})` });
    }
  });
  problems.push(...chaosProblems(scenario));
  for (const [kind, spec] of Object.entries(scenario.invariants ?? {})) {
    const probe = (spec as { probe?: string } | undefined)?.probe;
    if (probe !== undefined && !Object.hasOwn(scenario.probes, probe)) {
      const known = Object.keys(scenario.probes);
      problems.push({ path: ['invariants', kind, 'probe'], message: `no probe named "${probe}" (${known.length ? `probes: ${known.join(', ')}` : 'add it under "probes:"'})` });
    }
  }
  const alerts = scenario.invariants?.wake_up ? scenario.invariants.wake_up.alerts : undefined;
  if (alerts !== undefined && !Object.hasOwn(scenario.probes, alerts.probe)) {
    problems.push({ path: ['invariants', 'wake_up', 'alerts', 'probe'], message: `no probe named "${alerts.probe}" (add it under "probes:")` });
  }
  return problems;
}

// A fault kind that could never fire is an error, not a silent skip.
function chaosProblems(scenario: Scenario): ReferenceProblem[] {
  const chaos = scenario.chaos;
  if (!chaos) return [];
  const problems: ReferenceProblem[] = [];
  const names = scenario.components.map((c) => c.name).join(', ');
  const onVolumes = scenario.components.filter((c) => c.volumes.length > 0 && c.killable);
  (chaos.faults ?? []).forEach((fault, index) => {
    const at = ['chaos', 'faults', index];
    if (fault.kind === 'power-loss' && onVolumes.length === 0) {
      problems.push({ path: [...at, 'kind'], message: 'power-loss needs a killable component with volumes: (e.g. volumes: [{ path: "${run.dir}/data" }])' });
    }
    if (fault.kind === 'power-loss' && fault.at !== undefined) problems.push({ path: [...at, 'at'], message: '"at" applies to kill and pause, not to power-loss' });
    if (fault.kind !== 'pause' && fault.duration !== undefined) problems.push({ path: [...at, 'duration'], message: `"duration" applies to pause only, not to ${fault.kind}` });
  });
  chaos.triggers.forEach((trigger, index) => {
    if (matchTargets(scenario.components, [trigger.component]).length === 0) {
      const message = notKillable(scenario, trigger.component) ?? `"${trigger.component}" matches no killable component (components: ${names})`;
      problems.push({ path: ['chaos', 'triggers', index, 'component'], message });
    }
    if (trigger.log !== undefined) {
      try {
        new RegExp(trigger.log);
      } catch (error) {
        problems.push({ path: ['chaos', 'triggers', index, 'log'], message: `not a valid regular expression: ${(error as Error).message}` });
      }
    }
  });
  return problems;
}

// A pattern that names only components with killable: false says so, rather than "matches nothing".
function notKillable(scenario: Scenario, pattern: string): string | undefined {
  const spared = scenario.components.filter((c) => !c.killable && matchTargets([{ ...c, killable: true }], [pattern]).length > 0);
  if (spared.length === 0) return undefined;
  return `"${pattern}" names ${spared.map((c) => c.name).join(', ')}, which ${spared.length > 1 ? 'are' : 'is'} not killable (killable: false)`;
}
