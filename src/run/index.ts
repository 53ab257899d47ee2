// One run of the litmus test, phase by phase: settings, plan, setup, traffic (workload + probes),
// the run loop itself, and the judgement of its history.
export { runScenario, type RunOptions, type RunResult } from './run.js';
export { judge, checksFor, wakeUpOptions, DEFAULT_RECOVERY_MS, type Judgement } from './judge.js';
export { replayCommand, newRunId } from './record.js';
export { VERSION } from '../common/index.js';
export { resolveSettings, type Overrides, type RunSettings } from './settings.js';
