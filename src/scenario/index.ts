// The YAML file is the API: schema, loading with positions, interpolation, chaos targets.
export { loadScenario, type LoadedScenario } from './load.js';
export { scenarioSchema, type Scenario, type ComponentSpec, type ReadinessSpec, type RestartSpec, type ChaosSpec } from './schema.js';
export { parseDuration, formatDuration } from './duration.js';
export { interpolate, interpolateDeep, type InterpolationContext } from './interpolate.js';
export { matchTargets } from './targets.js';
