// Shrinking a failed run: delta debugging over its faults, each candidate replayed (and stored, linked
// to the original) until the smallest list that still fails the same invariant is left.
export { shrink, type ShrinkOptions, type ShrinkResult, type ShrinkStep } from './shrink.js';
export { readOriginal, envOfCommand, type OriginalRun } from './original.js';
export { ddmin, split, type FailsTest } from './ddmin.js';
