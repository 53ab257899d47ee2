// Explicit fault lists: the faults file `crashtest run --faults` replays (YAML or JSON, validated and
// located), and the same list read back from a stored run, for shrink and explore to write and replay.
export { loadFaults } from './load.js';
export { faultsOfRun, entryOf, faultsFileText } from './from-run.js';
export { faultsFileSchema, faultEntrySchema, type FaultEntry, type FaultEntryInput } from './schema.js';
export { faultsReplayCommand } from './replay-command.js';
