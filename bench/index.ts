// npm run bench: every benchmark, each measured against a peer in the same run; prints Markdown for README.md.
import { benchSupervisor } from './supervisor.js';
import { benchReport } from './report.js';
import { benchConverter } from './converter.js';
import { benchConverterSystem } from './converter-system.js';
import { benchDetection } from './detection.js';
import { benchSearch } from './search.js';
import { benchCli } from './cli.js';
import { benchSoak } from './soak.js';

const sections: string[] = [];
const only = process.argv[2];
if (!only || only === 'supervisor') sections.push(await benchSupervisor());
if (!only || only === 'report') sections.push(await benchReport());
if (!only || only === 'converter') sections.push(await benchConverter());
if (!only || only === 'system') sections.push(await benchConverterSystem());
if (!only || only === 'cli') sections.push(await benchCli());
if (only === 'detection') sections.push(await benchDetection());
if (only === 'search') sections.push(await benchSearch(process.argv[3], process.argv[4], process.argv[5] ? Number(process.argv[5]) : undefined));
if (only === 'soak') sections.push(await benchSoak(process.argv[3]));
process.stdout.write(`## Benchmarks (${new Date().toISOString().slice(0, 10)}, ${(await import('node:os')).cpus().length} cores, Node ${process.version})\n\n${sections.join('\n\n')}\n`);
