// Reader unit tests on crafted images: every refusal has its exact message; harmless oddities are accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { digestImage } from '../../src/converter/convert/file.js';
import { ImageError } from '../../src/converter/errors.js';
import { tempDir, qemuImg } from './helpers.js';
import { baseImage, copyOf, l2EntryAt, putExtension, type Base } from './craft.js';

type Patch = (b: Buffer, base: Base) => Buffer | void;

/** Reads the patched image to the end; returns the ImageError message, or null if it converted. */
async function outcome(dir: string, base: Base, patch: Patch): Promise<string | null> {
  const copy = copyOf(base);
  const bytes = patch(copy, base) ?? copy;
  const file = path.join(dir, `case-${Math.random().toString(36).slice(2)}.qcow2`);
  fs.writeFileSync(file, bytes);
  try {
    await digestImage(file);
    return null;
  } catch (err) {
    if (err instanceof ImageError) return err.message;
    throw err;
  } finally {
    fs.rmSync(file);
  }
}

const hex = (n: number) => '0x' + n.toString(16);
const setU64 = (b: Buffer, at: number, v: number | bigint): void => void b.writeBigUInt64BE(BigInt(v), at);
const setIncompat = (bit: number) => (b: Buffer): void => setU64(b, 72, 1n << BigInt(bit));

const HEADER_CASES: Array<[string, Patch, string]> = [
  ['file too small', (b) => b.subarray(0, 50), 'file is too small to be a qcow2 image (50 bytes)'],
  ['bad magic', (b) => void b.writeUInt32BE(0xdeadbeef, 0), 'not a qcow2 image: magic is 0xdeadbeef, expected 0x514649fb'],
  ['version 4', (b) => void b.writeUInt32BE(4, 4), 'unsupported qcow2 version 4 (only 2 and 3 are supported)'],
  ['cluster_bits 8', (b) => void b.writeUInt32BE(8, 20), 'cluster_bits 8 is out of range (9..21)'],
  ['cluster_bits 22', (b) => void b.writeUInt32BE(22, 20), 'cluster_bits 22 is out of range (9..21)'],
  ['header_length 100', (b) => void b.writeUInt32BE(100, 100), 'header_length 100 is invalid (must be a multiple of 8 between 104 and the cluster size 65536)'],
  ['corrupt bit', setIncompat(1), 'image is marked corrupt (incompatible bit 1); repair it with "qemu-img check -r all" first'],
  ['external data file bit', setIncompat(2), 'image keeps its data in an external data file (incompatible bit 2); not supported'],
  ['compression type bit', setIncompat(3), 'image declares a non-zlib compression type (incompatible bit 3); only zlib is supported'],
  ['extended L2 bit', setIncompat(4), 'image uses extended L2 entries / subclusters (incompatible bit 4); not supported'],
  ['unknown incompatible bit 5', setIncompat(5), 'image has unknown incompatible feature bits 0x20; refusing to guess their meaning'],
  ['unknown incompatible bit 40', setIncompat(40), 'image has unknown incompatible feature bits 0x10000000000; refusing to guess their meaning'],
  ['compression type zstd', (b) => void b.writeUInt8(1, 104), 'image uses compression type 1; only zlib (0) is supported'],
  ['refcount_order 7', (b) => void b.writeUInt32BE(7, 96), 'refcount_order 7 is out of range (0..6)'],
  ['backing file', (b) => setU64(b, 8, 0x200), 'image has a backing file; only standalone images are supported (flatten it with "qemu-img rebase -b \'\'" first)'],
  ['AES encryption', (b) => void b.writeUInt32BE(1, 32), 'image is encrypted (crypt_method 1); encrypted images are not supported'],
  ['LUKS encryption', (b) => void b.writeUInt32BE(2, 32), 'image is encrypted (crypt_method 2); encrypted images are not supported'],
  ['internal snapshots', (b) => void b.writeUInt32BE(1, 60), 'image has 1 internal snapshot(s); not supported (delete them or convert with qemu-img)'],
  ['absurd virtual size', (b) => setU64(b, 24, 2n ** 60n), `virtual size ${2 ** 60} bytes exceeds this converter's limit of ${2 ** 46} bytes (64 TiB)`],
  ['snapshot table offset past 2^63', (b) => setU64(b, 64, 0xc44e893ffb230000n), 'snapshot table offset 0xc44e893ffb230000 is beyond 2^63'],
  ['snapshot table unaligned', (b) => setU64(b, 64, 0x1234), 'snapshot table offset 0x1234 is not aligned to the cluster size 65536'],
  ['data-file-raw without a data file', (b) => setU64(b, 88, 2), 'image has the data-file-raw bit (autoclear bit 1) set, which requires an external data file; not supported'],
  ['virtual size not a multiple of 512', (b) => setU64(b, 24, 1000), 'virtual size 1000 is not a multiple of 512 bytes'],
];

const TABLE_CASES: Array<[string, Patch, (base: Base) => string]> = [
  ['L1 too large', (b) => void b.writeUInt32BE(5_000_000, 36), () => 'L1 table has 5000000 entries, more than the limit of 4194304'],
  ['L1 too small', (b) => void b.writeUInt32BE(0, 36), () => 'L1 table has 0 entries but a virtual size of 2097152 bytes needs 1'],
  ['L1 unaligned', (b, x) => setU64(b, 40, x.l1Offset + 8), (x) => `L1 table offset ${hex(x.l1Offset + 8)} is not aligned to the cluster size 65536`],
  ['L1 in header', (b) => setU64(b, 40, 0), () => 'L1 table offset is 0: it points into the header (cluster 0)'],
  ['L1 past EOF', (b) => setU64(b, 40, b.length), (x) => `L1 table (offset ${hex(x.buf.length)}, 8 bytes) extends past the end of the file (${x.buf.length} bytes)`],
  ['refcount table unaligned', (b, x) => setU64(b, 48, x.refcountTableOffset + 512), (x) => `refcount table offset ${hex(x.refcountTableOffset + 512)} is not aligned to the cluster size 65536`],
  ['refcount table in header', (b) => setU64(b, 48, 0), () => 'refcount table offset is 0: it points into the header (cluster 0)'],
  ['refcount table past EOF', (b) => void b.writeUInt32BE(100, 56), (x) => `refcount table (offset ${hex(x.refcountTableOffset)}, 6553600 bytes) extends past the end of the file (${x.buf.length} bytes)`],
  ['no refcount table', (b) => void b.writeUInt32BE(0, 56), () => 'image does not contain a reference count table (refcount_table_clusters is 0), which qemu-img refuses too'],
  ['refcount table too large', (b) => void b.writeUInt32BE(200, 56), () => 'refcount table has 200 clusters, more than the limit of 8388608 bytes'],
  ['L2 table unaligned', (b, x) => setU64(b, x.l1Offset, x.l2Offset + 4096), (x) => `L2 table ${hex(x.l2Offset + 4096)} (L1 entry 0) is not aligned to the cluster size 65536`],
  ['L2 table past EOF', (b, x) => setU64(b, x.l1Offset, x.buf.length), (x) => `L2 table ${hex(x.buf.length)} (L1 entry 0) lies past the end of the file (${x.buf.length} bytes)`],
  ['L2 table is the L1 table', (b, x) => setU64(b, x.l1Offset, x.l1Offset), (x) => `L2 table ${hex(x.l1Offset)} (L1 entry 0) uses host cluster ${hex(x.l1Offset)}, which is already used by another table or cluster`],
  ['data cluster unaligned', (b, x) => setU64(b, l2EntryAt(x, x.dataIndex), x.dataOffset + 512), (x) => `data cluster ${hex(x.dataOffset + 512)} (guest offset ${hex(x.dataIndex * 65536)}) is not aligned to the cluster size 65536`],
  ['data cluster past EOF', (b, x) => setU64(b, l2EntryAt(x, x.dataIndex), x.buf.length), (x) => `data cluster ${hex(x.buf.length)} (guest offset ${hex(x.dataIndex * 65536)}) lies past the end of the file (${x.buf.length} bytes)`],
  ['data cluster is the L2 table', (b, x) => setU64(b, l2EntryAt(x, x.dataIndex), x.l2Offset), (x) => `data cluster ${hex(x.l2Offset)} (guest offset ${hex(x.dataIndex * 65536)}) uses host cluster ${hex(x.l2Offset)}, which is already used by another table or cluster`],
  ['compressed cluster in header', (b, x) => setU64(b, l2EntryAt(x, x.compressedIndex), (1n << 62n) | 100n), (x) => `compressed cluster at 0x64 (guest offset ${hex(x.compressedIndex * 65536)}) points into the header (cluster 0)`],
  ['compressed cluster past EOF', (b, x) => setU64(b, l2EntryAt(x, x.compressedIndex), (1n << 62n) | BigInt(x.buf.length + 7)), (x) => `compressed cluster at ${hex(x.buf.length + 7)} (guest offset ${hex(x.compressedIndex * 65536)}) lies past the end of the file (${x.buf.length} bytes)`],
  ['compressed data too short', (b, x) => void zlib.deflateRawSync(Buffer.alloc(100, 1), { windowBits: 12 }).copy(b, x.compressedOffset), (x) => `compressed cluster at ${hex(x.compressedOffset)} inflates to 100 bytes, expected 65536`],
  ['compressed data too long', (b, x) => void zlib.deflateRawSync(Buffer.alloc(200_000, 1), { windowBits: 12 }).copy(b, x.compressedOffset), (x) => `compressed cluster at ${hex(x.compressedOffset)} inflates to more than the cluster size 65536`],
];

const EXTENSION_CASES: Array<[string, Patch, string]> = [
  ['extension too long', (b) => putExtension(b, 0x12345678, 70_000), 'header extension at 0x70 runs past the end of the header cluster'],
  ['crypto extension', (b) => putExtension(b, 0x0537be77, 16), 'image has an encryption header extension; encrypted images are not supported'],
  ['data file extension', (b) => putExtension(b, 0x44415441, 8, Buffer.from('data.raw')), 'image names an external data file (header extension); not supported'],
  ['bitmaps extension of wrong length', (b) => putExtension(b, 0x23852875, 8), 'bitmaps extension at 0x70 has length 8, expected 24'],
  ['persistent bitmaps', (b) => { putExtension(b, 0x23852875, 24); setU64(b, 88, 1); }, 'image carries persistent dirty bitmaps; not supported (remove them with "qemu-img bitmap --remove")'],
  ['backing format too long', (b) => putExtension(b, 0xe2792aca, 20, Buffer.from('a'.repeat(20))), 'backing format extension at 0x70 is 20 bytes long (at most 15)'],
];

test('reader refuses each malformed or unsupported header with its exact message', async (t) => {
  const dir = tempDir(t, 'reader');
  const base = baseImage(dir);
  assert.equal(await outcome(dir, base, () => undefined), null, 'the unpatched base image must convert');
  for (const [name, patch, message] of HEADER_CASES) {
    assert.equal(await outcome(dir, base, patch), message, name);
  }
  for (const [name, patch, message] of EXTENSION_CASES) {
    assert.equal(await outcome(dir, base, patch), message, name);
  }
});

test('reader refuses bad L1/L2/refcount tables and bad clusters with exact messages', async (t) => {
  const dir = tempDir(t, 'reader');
  const base = baseImage(dir);
  for (const [name, patch, message] of TABLE_CASES) {
    assert.equal(await outcome(dir, base, patch), message(base), name);
  }
  const garbage = await outcome(dir, base, (b, x) => void b.fill(0xff, x.compressedOffset, x.compressedOffset + 64));
  assert.match(garbage ?? '', /^compressed cluster at 0x[0-9a-f]+ is not valid deflate data \(.+\)$/);
});

test('reader accepts what qemu accepts read-only: dirty bit, unknown compatible bits and extensions', async (t) => {
  const dir = tempDir(t, 'reader');
  const base = baseImage(dir);
  const expected = await digestImage(writeTo(dir, base.buf));
  const variants: Patch[] = [
    setIncompat(0),
    (b) => setU64(b, 80, 0xffffn),
    (b) => setU64(b, 88, 0xfffcn),
    (b) => putExtension(b, 0x6803f857, 48), // feature name table
    (b) => putExtension(b, 0x12345678, 100, Buffer.alloc(100, 7)),
  ];
  for (const patch of variants) {
    const copy = copyOf(base);
    patch(copy, base);
    assert.equal(await digestImage(writeTo(dir, copy)), expected);
  }
});

function writeTo(dir: string, bytes: Buffer): string {
  const file = path.join(dir, `v-${Math.random().toString(36).slice(2)}.qcow2`);
  fs.writeFileSync(file, bytes);
  return file;
}

test('reader refuses the zero flag in a version 2 image, as qemu does', async (t) => {
  const dir = tempDir(t, 'reader');
  const raw = path.join(dir, 'in.raw');
  fs.writeFileSync(raw, Buffer.alloc(64 * 1024, 5));
  const v2 = path.join(dir, 'v2.qcow2');
  qemuImg(['convert', '-f', 'raw', '-O', 'qcow2', '-o', 'compat=0.10,cluster_size=4096', raw, v2]);
  const bytes = fs.readFileSync(v2);
  assert.equal(bytes.readUInt32BE(4), 2);
  const l2 = Number(bytes.readBigUInt64BE(Number(bytes.readBigUInt64BE(40))) & 0x00fffffffffffe00n);
  bytes[l2 + 3 * 8 + 7] |= 1;
  fs.writeFileSync(v2, bytes);
  await assert.rejects(digestImage(v2), { name: 'ImageError', message: 'L2 entry for guest offset 0x3000 has the zero flag, which version 2 images cannot have' });
});
