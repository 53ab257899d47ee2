// Starts components, restarts what dies, never signals what it did not start.
export { Supervisor, type InstancePlan, type KillOutcome } from './supervisor.js';
export { OrphanReaper } from './orphan-reaper.js';
export { readIdentity, isSameProcess, groupMembers, type ProcessIdentity } from './pid-identity.js';
export { killGroup, waitGroupGone, type KillResult } from './kill-group.js';
export { decideRestart, type RestartRules, type RestartDecision } from './restart-policy.js';
export { probeOnce, waitReady, type ReadyCheck } from './readiness.js';
export { spawnInstance, type LaunchSpec } from './spawn.js';
export { sampleUsage } from './usage-sampler.js';
