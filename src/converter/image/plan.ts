// Decides, for every guest cluster of a generated image, what it holds (data kind or one of the zero kinds).
import { Prng } from './prng.js';

export const Kind = {
  unallocated: 0,
  zeroFlag: 1, // L2 zero flag, no host cluster
  zeroAlloc: 2, // L2 zero flag on an allocated host cluster full of garbage (must still read as zeros)
  zeroData: 3, // allocated host cluster whose bytes are all zero
  random: 4, // incompressible data
  text: 5, // compressible data stored uncompressed
  sparse: 6, // random data with zeroed 4 KiB grains
  compressed: 7, // compressible data stored compressed
  tiny: 8, // almost-all-zero data stored compressed (tiny deflate streams that share sectors)
} as const;
export type KindValue = (typeof Kind)[keyof typeof Kind];

export interface PlanOptions {
  clusters: number;
  seed: number;
  compressed: boolean;
  dataFraction: number;
  mostlyEmpty: boolean;
}

export interface Plan {
  kinds: Uint8Array;
  /** 1 for clusters whose host cluster is allocated after all others (so host order differs from guest order). */
  deferred: Uint8Array;
}

export function planClusters(o: PlanOptions): Plan {
  const prng = new Prng(o.seed);
  const kinds = new Uint8Array(o.clusters);
  const deferred = new Uint8Array(o.clusters);
  for (let i = 0; i < o.clusters; ) {
    const isData = prng.next() < o.dataFraction;
    const maxRun = isData ? (o.mostlyEmpty ? 4 : 24) : (o.mostlyEmpty ? 512 : 24);
    const end = Math.min(o.clusters, i + prng.int(1, maxRun));
    const kind = isData ? pickData(prng, o.compressed) : pickEmpty(prng);
    const late = prng.next() < 0.1 ? 1 : 0;
    kinds.fill(kind, i, end);
    deferred.fill(late, i, end);
    i = end;
  }
  return { kinds, deferred };
}

function pickData(prng: Prng, compressed: boolean): KindValue {
  const r = prng.next();
  if (compressed) {
    return r < 0.45 ? Kind.compressed : r < 0.55 ? Kind.tiny : r < 0.8 ? Kind.random : r < 0.9 ? Kind.text : Kind.sparse;
  }
  return r < 0.6 ? Kind.random : r < 0.8 ? Kind.text : Kind.sparse;
}

function pickEmpty(prng: Prng): KindValue {
  const r = prng.next();
  return r < 0.55 ? Kind.unallocated : r < 0.8 ? Kind.zeroFlag : r < 0.9 ? Kind.zeroData : Kind.zeroAlloc;
}
