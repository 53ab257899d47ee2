// Small helpers every part of the harness shares, a leaf that imports nothing from src/:
// instance names, duration text, abortable sleeps, where a program is, making folders safely, package facts.
export { instanceName, componentOfInstance } from './instance.js';
export { formatMs } from './duration.js';
export { parseDuration, formatDuration } from './parse-duration.js';
export { VERSION, DEFAULT_DB, SCHEMA_FILE } from './package.js';
export { sleep, sleepUntil } from './sleep.js';
export { findExecutable, pathDirs } from './executable.js';
export { makeFolder, FolderError } from './make-folder.js';
export { plural } from './plural.js';
