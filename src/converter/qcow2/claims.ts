// Tracks which host clusters are already in use, so that no table or data cluster is referenced twice.
// This bounds the work done on a malicious image: every byte of the file is read at most once as metadata or data.
import { ImageError, hex } from '../errors.js';
import { MAX_HOST_CLUSTERS } from './format.js';

const FREE = 0;
const EXCLUSIVE = 1;
const COMPRESSED = 2; // several compressed clusters may share one host cluster

/** What claims a cluster, for the error message: a function when it is made per cluster, so it is built only on error. */
export type Described = string | (() => string);

/** 2 bits of state per host cluster: memory is file size / cluster size / 4 bytes. */
export class HostClaims {
  private readonly bits: Uint8Array;
  private readonly clusters: number;
  private readonly clusterBits: number;

  constructor(fileSize: number, clusterBits: number) {
    this.clusterBits = clusterBits;
    this.clusters = Math.ceil(fileSize / 2 ** clusterBits);
    // A sparse multi-TiB file with small clusters would need gigabytes of state here: refuse it as qemu-img check does.
    if (this.clusters > MAX_HOST_CLUSTERS) {
      throw new ImageError('file-too-large',
        `the file (${fileSize} bytes) spans ${this.clusters} clusters of ${2 ** clusterBits} bytes, more than the limit of ${MAX_HOST_CLUSTERS}`);
    }
    this.bits = new Uint8Array(Math.ceil(this.clusters / 4));
    if (this.clusters > 0) this.set(0, EXCLUSIVE); // the header
  }

  /** Claims the clusters covering [offset, offset + length) for one table or data cluster. */
  exclusive(offset: number, length: number, what: Described): void {
    const first = Math.floor(offset / 2 ** this.clusterBits);
    const last = Math.min(Math.ceil((offset + length) / 2 ** this.clusterBits), this.clusters);
    for (let i = first; i < last; i++) {
      if (this.get(i) !== FREE) throw this.reused(i, what);
      this.set(i, EXCLUSIVE);
    }
  }

  /** Claims the host cluster where a compressed cluster starts; sharing with other compressed clusters is fine. */
  compressed(offset: number, what: Described): void {
    const i = Math.floor(offset / 2 ** this.clusterBits);
    if (i >= this.clusters) return;
    if (this.get(i) === EXCLUSIVE) throw this.reused(i, what);
    this.set(i, COMPRESSED);
  }

  private get(i: number): number {
    return (this.bits[i >> 2] >> ((i & 3) * 2)) & 3;
  }

  private set(i: number, state: number): void {
    const shift = (i & 3) * 2;
    this.bits[i >> 2] = (this.bits[i >> 2] & ~(3 << shift)) | (state << shift);
  }

  private reused(index: number, what: Described): ImageError {
    const at = hex(index * 2 ** this.clusterBits);
    return new ImageError('overlap', `${typeof what === 'function' ? what() : what} uses host cluster ${at}, which is already used by another table or cluster`);
  }
}
