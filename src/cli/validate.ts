// crashtest validate <scenario.yml>: checks a scenario file without running anything.
import type { Command } from 'commander';
import { collectEnv } from './env-option.js';

/** Registers `validate`. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a scenario file (schema, references, chaos targets) without starting anything')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('-e, --env <NAME=VALUE>', 'environment for ${env.NAME}, as `run --env` gives it (repeatable)', collectEnv)
    .addHelpText('after', `
Examples:
  $ crashtest validate scenarios/converter.yml
  $ crashtest validate my-system.yml --env API_PORT=8080
  $ crashtest validate my-system.yml && crashtest run my-system.yml`)
    .action(async (file: string, flags: { env?: Record<string, string> }) => (await import('./validate-action.js')).validate(file, flags));
}
