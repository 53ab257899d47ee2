// SQLite results (better-sqlite3, WAL): every event appended as it happens, read back as a History.
export type { RunEvent, RunMs, RunPhase, OpRecord, OpAttempt, OpOutcome, ProbeSample, ExitCause } from './events.js';
export { openStore, DEFAULT_DB } from './open.js';
export { RunRecorder, type NewRun, type ScheduledFault, type EventListener } from './writer.js';
export { readHistory, type History, type RunInfo, type RunStatus, type InstanceRecord, type FaultRecord } from './history.js';
export { listRuns, resolveRunId, markAbortedRuns, readRunScenario } from './runs.js';
export { saveVerdicts, readVerdicts, type StoredVerdict } from './verdicts.js';
export { SCHEMA_VERSION } from './schema.js';
export { readUsage, type UsageSample } from './usage.js';
