// The valid scenarios the soak mutates: the shipped ones and the test fixtures that validate without extra env.
import path from 'node:path';
import { FIXTURES, ROOT } from '../../helpers.js';

export const VALID_SOURCES: string[] = [
  path.join(ROOT, 'scenarios/converter.yml'),
  path.join(ROOT, 'scenarios/converter-full.yml'),
  path.join(ROOT, 'scenarios/converter-power.yml'),
  path.join(ROOT, 'scenarios/converter-soak.yml'),
  ...['converter-small.yml', 'faults/armed.yml', 'faults/triggers.yml', 'faults/op-trigger.yml', 'faults/power.yml', 'good/servers.yml', 'good/store.yml', 'good/crash-loop.yml']
    .map((name) => path.join(FIXTURES, 'scenarios', name)),
];
