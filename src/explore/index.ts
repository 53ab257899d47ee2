// Kill-point coverage: record a run's persistence calls as points, kill at each point's k-th occurrence
// in runs of their own, and report which points break an invariant, with the command that replays each.
export { explore, coverage, type ExploreOptions, type ExploreResult, type PointResult, type KillRun } from './explore.js';
export { pointRecorder, type RecordedPoint } from './record.js';
export { killPlan } from './plan.js';
export { writeExplore, exploreJson, exploreHtml, EXPLORE_FORMAT } from './write.js';
