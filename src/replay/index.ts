// Replays for the searches (explore, shrink): a run of a scenario with an explicit fault list, stored
// with the step of the search it belongs to.
export { replay, type ReplayOptions, type ReplayResult } from './replay.js';
