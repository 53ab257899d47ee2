// SQLite results (better-sqlite3, WAL): every event appended as it happens; the History is projected from them.
export type { RunEvent, RunMs, RunPhase, OpRecord, OpAttempt, OpOutcome, ProbeSample, ExitCause, PlannedFaultRecord, UsageSample, ArmedLanding } from './events.js';
export { openStore } from './open.js';
export { DEFAULT_DB } from '../common/index.js';
export { openStoreForReading } from './open-read.js';
export { RunRecorder, type NewRun, type EventListener } from './writer.js';
export { readHistory, readEvents, type History, type RunInfo, type RunStatus, type InstanceRecord, type FaultRecord, type InFlightOp } from './history.js';
export { projectHistory } from './project.js';
export { writeDerivedTables } from './tables.js';
export { listRuns, resolveRunId, markAbortedRuns, readRunScenario } from './runs.js';
export { saveVerdicts, readVerdicts, type StoredVerdict } from './verdicts.js';
export { SCHEMA_VERSION, migrate } from './schema.js';
export { readUsage } from './usage.js';
export { escapedProcesses, type EscapedProcess } from './escaped.js';
export { runsToPrune, deleteRuns, type PrunableRun, type PruneRule } from './prune.js';
