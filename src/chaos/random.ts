// The harness's only source of randomness: a seeded generator (pure-rand's xoroshiro128+).
import prand from 'pure-rand';

/** A seeded random source: same seed, same sequence. */
export interface Random {
  /** an integer in [min, max] */
  int(min: number, max: number): number;
  /** a float in [0, 1) */
  float(): number;
}

/** Creates a generator from a seed. */
export function seededRandom(seed: number): Random {
  const rng = prand.xoroshiro128plus(seed);
  return {
    int: (min, max) => prand.unsafeUniformIntDistribution(min, max, rng),
    float: () => prand.unsafeUniformIntDistribution(0, 2 ** 30 - 1, rng) / 2 ** 30,
  };
}

/** A fresh seed for runs that do not set one (printed and stored so the run can be replayed). */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
