// Walks the header extensions in cluster 0 the way qemu does, refusing the ones that change how data is read.
import { ImageError, hex } from '../errors.js';
import { EXT } from './format.js';
import type { Qcow2Header } from './header.js';

const BITMAPS_EXT_LENGTH = 24;
const MAX_BACKING_FORMAT_LENGTH = 15;
const AUTOCLEAR_BITMAPS = 1;

/** `cluster0` holds the whole first cluster (zero-filled past the end of a short file). */
export function checkExtensions(cluster0: Buffer, header: Qcow2Header): void {
  const end = header.clusterSize;
  let at = header.headerLength;
  while (at < end) {
    if (at + 8 > end) throw tooLarge(at);
    const magic = cluster0.readUInt32BE(at);
    const length = cluster0.readUInt32BE(at + 4);
    const data = at + 8;
    if (length > end - data) throw tooLarge(at);
    if (magic === EXT.end) return;
    checkOne(magic, length, header, at);
    at = data + Math.ceil(length / 8) * 8;
  }
}

function checkOne(magic: number, length: number, header: Qcow2Header, at: number): void {
  switch (magic) {
    case EXT.backingFormat:
      if (length > MAX_BACKING_FORMAT_LENGTH) {
        throw new ImageError('header-extension', `backing format extension at ${hex(at)} is ${length} bytes long (at most ${MAX_BACKING_FORMAT_LENGTH})`);
      }
      return;
    case EXT.cryptoHeader:
      throw new ImageError('encrypted', 'image has an encryption header extension; encrypted images are not supported');
    case EXT.dataFile:
      throw new ImageError('external-data-file', 'image names an external data file (header extension); not supported');
    case EXT.bitmaps:
      if (length !== BITMAPS_EXT_LENGTH) {
        throw new ImageError('header-extension', `bitmaps extension at ${hex(at)} has length ${length}, expected ${BITMAPS_EXT_LENGTH}`);
      }
      if (header.autoclear & AUTOCLEAR_BITMAPS) {
        throw new ImageError('bitmaps', 'image carries persistent dirty bitmaps; not supported (remove them with "qemu-img bitmap --remove")');
      }
      return;
    default:
      return; // unknown extensions are optional by definition
  }
}

function tooLarge(at: number): ImageError {
  return new ImageError('header-extension', `header extension at ${hex(at)} runs past the end of the header cluster`);
}
