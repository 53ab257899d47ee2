// When to hurt what: a seeded schedule of kills and the nemesis that fires it.
export { buildSchedule, type PlannedFault, type ScheduleOptions } from './schedule.js';
export { startNemesis, type Nemesis, type FaultTarget } from './nemesis.js';
export { seededRandom, newSeed, type Random } from './random.js';
