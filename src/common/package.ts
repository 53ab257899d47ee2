// Facts about the crashtest package itself, in a leaf so `--help` and `--version` read them without
// loading the engine: its version, the default results database, where the JSON Schema ships.
import { readFileSync } from 'node:fs';

/** crashtest's own version, from package.json. */
export const VERSION: string = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;

/** The default results database, relative to the working directory. */
export const DEFAULT_DB = 'reports/crashtest.db';

/** Where the published copy of the scenario JSON Schema lives in the package, relative to its root. */
export const SCHEMA_FILE = 'schema/scenario.schema.json';
