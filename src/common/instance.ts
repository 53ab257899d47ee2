// Instance names: replica i of component "api" is "api.<i>". Built and taken apart only here, so the
// naming rule lives in one place.

// The name of replica `replica` (0-based) of a component: instanceName('api', 1) is "api.1".
export function instanceName(component: string, replica: number): string {
  if (!Number.isInteger(replica) || replica < 0) throw new Error(`replica of "${component}" must be an integer >= 0, got ${replica}`);
  return `${component}.${replica}`;
}

// The component an instance name belongs to: "api.1" → "api"; a name without a ".N" suffix is returned as is.
// Prefer the component recorded with the instance when there is one: a component may itself contain dots.
export function componentOfInstance(instance: string): string {
  return instance.replace(/\.\d+$/, '');
}
