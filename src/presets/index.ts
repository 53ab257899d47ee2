// Real servers as killable components: preset: postgres | redis.
import { postgresPreset } from './postgres.js';
import { redisPreset } from './redis.js';
import type { PresetOptions, PresetPlan } from './preset.js';

export type { PresetOptions, PresetPlan } from './preset.js';
export { findBinary, postgresDirs } from './find-binary.js';
export { lookupAccount } from './accounts.js';
export { postgresAnswers, redisAnswers } from './answers.js';

/** Builds the named preset for one instance. */
export function buildPreset(name: 'postgres' | 'redis', options: PresetOptions): PresetPlan {
  return name === 'postgres' ? postgresPreset(options) : redisPreset(options);
}
