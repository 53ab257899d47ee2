// npm run soak:scenarios [count] [seed]: the scenario soak at a larger count; prints the tally, the slowest
// mutant and every failure (the mutant's file is kept); exit 1 when any mutant crashed, hung or was unlocated.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { tempDir } from '../../helpers.js';
import { soakScenarios } from './soak.js';
import { VALID_SOURCES } from './sources.js';

const count = Number(process.argv[2] ?? 5000);
const seed = Number(process.argv[3] ?? 1);
const dir = tempDir('crashtest-soak-');
const started = Date.now();
const result = await soakScenarios({ sources: VALID_SOURCES, count, seed, dir, boundMs: 10_000 });
process.stdout.write(`${count} mutants (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result.counts)}\n`);
process.stdout.write(`slowest: ${result.slowest.ms.toFixed(0)} ms, ${result.slowest.file}\n`);
for (const failure of result.failures) process.stdout.write(`\n${failure.outcome}: ${failure.file}\n${failure.message}\n`);
process.stdout.write(`mutants in ${dir} (${readdirSync(dir).length} files, ${path.resolve(dir)})\n`);
process.exitCode = result.failures.length > 0 ? 1 : 0;
