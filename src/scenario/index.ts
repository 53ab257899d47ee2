// The YAML file is the API: schema, loading with positions, interpolation, chaos targets.
export { loadScenario, type LoadedScenario } from './load.js';
export { scenarioSchema, type Scenario, type ComponentSpec, type ReadinessSpec, type RestartSpec, type ChaosSpec, type WorkloadSpec, type ProbeSpec, type InvariantsSpec } from './schema.js';
export { parseDuration, formatDuration } from './duration.js';
export { interpolate, interpolateDeep, fillOperation, type InterpolationContext } from './interpolate.js';
export { matchTargets } from './targets.js';
