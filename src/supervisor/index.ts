// Starts components, restarts what dies, never signals what it did not start.
export { Supervisor, type InstancePlan, type KillOutcome } from './supervisor.js';
export { decideRestart, type RestartRules, type RestartDecision } from './restart-policy.js';
export { probeOnce, waitReady, type ReadyCheck } from './readiness.js';
export { spawnInstance, type LaunchSpec } from './spawn.js';
export { sampleUsage } from './usage-sampler.js';
