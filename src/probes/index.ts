// Readers of the system's state (http, command, sql), sampled during the run and at its end.
export { startProbes, type ProbeSampler } from './sampler.js';
export { readProbe } from './read.js';
export { parseText, fromJson, fromRows, type Reading, type ParseMode } from './parse.js';
