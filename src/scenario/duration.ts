// Scenario durations ("500ms", "10s", "2m"): the words live in common/, a leaf the command line reads
// without loading the scenario schema.
export { parseDuration, formatDuration } from '../common/index.js';
