// The fault schedule is data: a pure function of its inputs, so the same seed gives the same list.
// Targets rotate over components in a seeded order, so even a short run hurts every component.
import { componentOfInstance } from '../common/index.js';
import { seededRandom, type Random } from './random.js';

/** What one fault does; `kill` at `now` is a plain SIGKILL, at `persistence` it is armed (see armed/). */
export type FaultSpec =
  | { kind: 'kill'; at: 'now' | 'persistence'; nth?: number; point?: PointFault }
  | { kind: 'pause'; durationMs: number; at?: 'now' | 'persistence'; nth?: number }
  | { kind: 'power-loss' };

/** A kill at the k-th call at one point (see armed/points) by any of `among` (the instances of one component). */
export interface PointFault {
  syscall: string;
  /** the folded path, e.g. "data/out/*.raw.tmp-*" or "a/*.tmp -> a/*.raw" for a rename */
  path: string;
  /** 1 = the first call at the point after the fault's time */
  occurrence: number;
  among: string[];
}

/** A fault kind in the mix, with its weight: its share when drawn at random, its turns per cycle in a rotation. */
export interface WeightedFault {
  fault: FaultSpec;
  weight: number;
}

/** One planned fault: at `atMs` after the run starts, hurt `target`; `why` says how the target was chosen. */
export interface PlannedFault {
  seq: number;
  atMs: number;
  target: string;
  fault: FaultSpec;
  why: string;
}

export interface ScheduleOptions {
  seed: number;
  /** instance names that may be hurt */
  targets: readonly string[];
  /** instances on a volume, the only ones a power loss can hit (default none) */
  volumeTargets?: readonly string[];
  /** the fault mix (default: plain kills only) */
  faults?: readonly WeightedFault[];
  /** 'rotation' (default): components take turns in a seeded order, and kinds take turns; 'random': any target and a weighted kind each time */
  choose?: 'rotation' | 'random';
  /** an armed fault lands on the nth persistence call, nth drawn from this range (default 1..1: the next) */
  nth?: { from: number; to: number };
  /** time between faults, ms */
  intervalMs: number;
  /** each fault moves by a random offset in [-jitterMs, +jitterMs] */
  jitterMs: number;
  /** no fault before this, ms; the first is at startAfterMs + intervalMs */
  startAfterMs: number;
  /** faults stop here: the quiet period starts, ms */
  quietStartMs: number;
}

const PLAIN_KILL: WeightedFault[] = [{ fault: { kind: 'kill', at: 'now' }, weight: 1 }];

/** Builds the list of faults: one every interval (± jitter) until the quiet period. */
export function buildSchedule(options: ScheduleOptions): PlannedFault[] {
  const { targets, intervalMs, jitterMs, startAfterMs, quietStartMs } = options;
  if (targets.length === 0 || intervalMs <= 0) return [];
  const random = seededRandom(options.seed);
  const mix = (options.faults?.length ? options.faults : PLAIN_KILL).filter((f) => f.fault.kind !== 'power-loss' || options.volumeTargets?.length);
  const rotate = options.choose !== 'random';
  const components = new Set(targets.map(componentOfInstance)).size;
  const pickTarget = rotate ? rotation(targets, random) : randomTargets(targets, random);
  const faults: PlannedFault[] = [];
  for (let k = 1; startAfterMs + k * intervalMs < quietStartMs; k++) {
    const offset = jitterMs > 0 ? random.int(-jitterMs, jitterMs) : 0;
    const turn = faults.length;
    const fault = armedAt(rotate ? pickInTurn(mix, turn, components) : pickWeighted(mix, random), options.nth ?? { from: 1, to: 1 }, random);
    const { target, why } = fault.kind === 'power-loss'
      ? { target: options.volumeTargets![random.int(0, options.volumeTargets!.length - 1)], why: 'power loss: an instance on a volume' }
      : pickTarget();
    const atMs = Math.max(startAfterMs, startAfterMs + k * intervalMs + offset);
    if (atMs < quietStartMs) faults.push({ seq: faults.length + 1, atMs, target, fault, why });
  }
  return faults;
}

// An armed fault gets the number of the persistence call it lands on, from the seed.
function armedAt(fault: FaultSpec, nth: { from: number; to: number }, random: Random): FaultSpec {
  if (fault.kind === 'power-loss' || fault.at !== 'persistence') return fault;
  return { ...fault, nth: nth.to > nth.from ? random.int(nth.from, nth.to) : nth.from };
}

// Kinds take turns too (each entry `weight` times a cycle), shifted by one each round of components,
// so that with two components and two kinds, four faults give every component every kind.
function pickInTurn(mix: readonly WeightedFault[], turn: number, components: number): FaultSpec {
  const cycle = mix.flatMap((entry) => Array.from({ length: Math.max(1, Math.round(entry.weight)) }, () => entry.fault));
  return cycle[(turn + Math.floor(turn / Math.max(1, components))) % cycle.length];
}

function pickWeighted(mix: readonly WeightedFault[], random: Random): FaultSpec {
  // One kind draws nothing: a kills-only schedule stays what the same seed gave before kinds existed.
  if (mix.length === 1) return mix[0].fault;
  const total = mix.reduce((sum, f) => sum + f.weight, 0);
  let point = random.float() * total;
  for (const entry of mix) {
    point -= entry.weight;
    if (point < 0) return entry.fault;
  }
  return mix[mix.length - 1].fault;
}

function randomTargets(targets: readonly string[], random: Random): () => { target: string; why: string } {
  return () => ({ target: targets[random.int(0, targets.length - 1)], why: `random: 1 of ${targets.length} targets` });
}

// Components in a seeded order, one after the other, round after round; an instance of the component at random.
function rotation(targets: readonly string[], random: Random): () => { target: string; why: string } {
  const byComponent = new Map<string, string[]>();
  for (const t of targets) byComponent.set(componentOfInstance(t), [...(byComponent.get(componentOfInstance(t)) ?? []), t]);
  const order = shuffle([...byComponent.keys()], random);
  let turn = 0;
  return () => {
    const component = order[turn % order.length];
    const instances = byComponent.get(component)!;
    const why = `rotation: component ${(turn % order.length) + 1} of ${order.length} (${order.join(', ')}), round ${Math.floor(turn / order.length) + 1}`;
    turn += 1;
    return { target: instances[random.int(0, instances.length - 1)], why };
  };
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
