// src/checks: the invariant checkers that judge a run once it is recorded.
// Pure functions of the recorded history → Verdict (true | false | unknown + evidence).
export * from './checker.js';
export * from './evidence.js';
export * from './parse-evidence.js';
export * from './percentiles.js';
export * from './progress.js';
export * from './no-loss.js';
export * from './consistency.js';
export * from './converge.js';
export * from './recovery.js';
export * from './burn-rate.js';
export * from './wake-up.js';
