// The YAML file is the API: schema, loading with positions, interpolation, chaos targets.
export { loadScenario, type LoadedScenario } from './load.js';
export { scenarioSchema, type Scenario, type ComponentSpec, type ReadinessSpec, type RestartSpec, type ChaosSpec, type WorkloadSpec, type ProbeSpec, type InvariantsSpec, type TriggerSpec, type VolumeSpec } from './schema.js';
export { parseDuration, formatDuration } from './duration.js';
export { describeChaos } from './describe.js';
export { fillOperation, type InterpolationContext } from './interpolate.js';
export { resolveScenario, type ResolvedScenario } from './resolve.js';
export { dryValues, type RunValues, type ResolvedInstance } from './fill.js';
export { matchTargets } from './targets.js';
export { scenarioJsonSchema } from './json-schema.js';
export { SCHEMA_FILE } from '../common/index.js';
export { WAKE_UP_DEFAULTS, type WakeUpSpec } from './wake-up-schema.js';
export { locate } from './locate.js';
