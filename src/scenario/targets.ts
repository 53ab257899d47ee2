// Chaos target vocabulary: a component name, an instance name (worker.1), a glob (work*), or tag:<name>.
import type { ComponentSpec } from './schema.js';
import { instanceName } from '../common/index.js';

/** Instance names of killable components matched by any of the target patterns (all killable ones when none). */
export function matchTargets(components: readonly ComponentSpec[], patterns: readonly string[] | undefined): string[] {
  const instances = components
    .filter((c) => c.killable)
    .flatMap((c) => Array.from({ length: c.replicas }, (_, i) => ({ component: c, instance: instanceName(c.name, i) })));
  if (!patterns || patterns.length === 0) return instances.map((i) => i.instance);
  return instances
    .filter(({ component, instance }) => patterns.some((p) => matches(p, component, instance)))
    .map((i) => i.instance);
}

function matches(pattern: string, component: ComponentSpec, instance: string): boolean {
  if (pattern.startsWith('tag:')) return component.tags.includes(pattern.slice(4));
  const glob = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return glob.test(component.name) || glob.test(instance);
}
