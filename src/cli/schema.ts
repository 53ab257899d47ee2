// crashtest schema: prints the scenario format as JSON Schema, for editors (yaml-language-server) and CI linters.
import type { Command } from 'commander';
import { SCHEMA_FILE } from '../common/index.js';

/** Registers `schema`. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the scenario format as JSON Schema (draft 2020-12), generated from the validator itself')
    .addHelpText('after', `
The package ships a copy at node_modules/crashtest/${SCHEMA_FILE}. Point your editor at it with a first
line in the scenario (VS Code's YAML extension, and every editor using yaml-language-server, read it):
  # yaml-language-server: $schema=node_modules/crashtest/${SCHEMA_FILE}

Examples:
  $ crashtest schema > crashtest.schema.json
  $ crashtest schema | jq '.properties | keys'`)
    .action(async () => {
      const { scenarioJsonSchema } = await import('../scenario/index.js'); // zod, loaded only for this command
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
