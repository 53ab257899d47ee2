// make-image: writes a valid, deterministic qcow2 v3 image mixing data, zero and unallocated clusters.
import fs from 'node:fs';
import { planClusters, type KindValue } from './plan.js';
import { ImageBuilder } from './builder.js';
import { writeMetadata } from './metadata.js';

export interface MakeImageOptions {
  out: string;
  size: number;
  seed: number;
  clusterBits: number;
  compressed: boolean;
  dataFraction: number;
  mostlyEmpty: boolean;
}

export function makeImage(o: MakeImageOptions): void {
  const cs = 2 ** o.clusterBits;
  const clusters = Math.ceil(o.size / cs);
  const perTable = cs / 8;
  const l1Size = Math.ceil(clusters / perTable);
  const plan = planClusters({ clusters, seed: o.seed, compressed: o.compressed, dataFraction: o.dataFraction, mostlyEmpty: o.mostlyEmpty });
  const fd = fs.openSync(o.out, 'w');
  try {
    const builder = new ImageBuilder(fd, o.clusterBits, l1Size, o.seed);
    for (const late of [0, 1]) {
      for (let i = 0; i < clusters; i++) {
        if (plan.deferred[i] === late) builder.place(i, plan.kinds[i] as KindValue);
      }
    }
    writeMetadata(builder, o.size, l1Size);
  } finally {
    fs.closeSync(fd);
  }
}
