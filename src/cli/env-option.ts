// The repeatable --env NAME=VALUE option of run and validate: ${env.NAME} in the scenario, and each component's environment.
import { ScenarioError } from '../errors.js';

/** Commander's collector: adds one NAME=VALUE to the ones given before it. */
export function collectEnv(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new ScenarioError(`--env: expected NAME=VALUE, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}
