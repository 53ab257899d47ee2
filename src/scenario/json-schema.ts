// The scenario format as JSON Schema (draft 2020-12), generated from the zod schema that validates it, so
// editors complete keys and flag mistakes with the same rules `crashtest validate` applies.
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** The JSON Schema of a scenario file, as the author writes it (input side: durations as "10s" or ms). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: 'https://crashtest.dev/schema/scenario.schema.json',
    title: 'crashtest scenario',
    description: 'A system under the kill -9 litmus test: components, chaos, workload, probes and invariants (see README "Scenario reference").',
  };
}
