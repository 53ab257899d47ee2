// When to hurt what, and how: a seeded schedule of faults (kill, armed kill, pause, power loss), the
// nemesis that plays it and its triggers, and the injectors that carry each fault out.
export { buildSchedule, type PlannedFault, type ScheduleOptions, type FaultSpec, type WeightedFault } from './schedule.js';
export { startNemesis, type Nemesis, type NemesisOptions, type Trigger } from './nemesis.js';
export { inject, type ArmKill, type ArmOutcome, type FaultOrder, type InjectContext } from './inject.js';
export type { Victims, PoweredVolume } from './victims.js';
export { seededRandom, newSeed, type Random } from './random.js';
export { type PointFault } from './schedule.js';
export { type ArmPointKill, type PointKillRequest, type PointKillOutcome } from './point-kill.js';
