// Armed kills: a target dies at the entry of its next persistence call (fsync, rename, positional write).
// strace attaches when armed and detaches after; crashtest's only tracer, kept out of unarmed processes.
export { armKill, type ArmOptions, type ArmedKill, type ArmedOutcome, type ArmedReady } from './arm-kill.js';
export { checkArmedKillSupport, type ArmedKillSupport } from './support.js';
export { openRegularFiles } from './open-files.js';
export { PERSISTENCE_SYSCALLS, PLAIN_WRITE_SYSCALLS } from './syscalls.js';
export { parseTraceLine, parseStraceMessage, type TraceEvent, type StraceMessage } from './trace-lines.js';
export { traceCalls, type CallTrace, type TraceCallsOptions } from './trace-calls.js';
export { armPoint, POINT_HOLD_US, type ArmPointOptions, type ArmedPoint, type PointOutcome } from './arm-point.js';
export { parseCallEntry, type CallEntry } from './call-entry.js';
export { pointOf, pointKey, foldPath, atPoint, type KillPoint } from './points.js';
