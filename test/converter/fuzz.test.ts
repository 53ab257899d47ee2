// Fuzz: >= 200 seeded mutations and truncations of valid images. Each must end, within a time bound, either as a
// clean refusal (exit 3, one readable line) or as a conversion identical to qemu-img's (which must then succeed too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { Prng } from '../../src/converter/image/prng.js';
import { tempDir, cliOk, qemuImg, MAIN } from './helpers.js';

const CASES_PER_BASE = 56;
const TIMEOUT_MS = 20_000;

interface Run { code: number | null; stderr: string; timedOut: boolean }

function run(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', encoding: 'utf8' }, (err, _out, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stderr, timedOut: Boolean(e?.killed) });
    });
  });
}

/** Offsets worth mutating: the header, the L1 table and the L2 tables (8-byte entries). */
function metadataSpots(img: Buffer): number[] {
  const spots: number[] = [];
  for (let i = 0; i < 112; i += 4) spots.push(i);
  const l1 = Number(img.readBigUInt64BE(40));
  const l1Size = img.readUInt32BE(36);
  for (let i = 0; i < l1Size && l1 + i * 8 + 8 <= img.length; i++) {
    spots.push(l1 + i * 8);
    const l2 = Number(img.readBigUInt64BE(l1 + i * 8) & 0x00fffffffffffe00n);
    const cs = 2 ** img.readUInt32BE(20);
    for (let j = 0; l2 > 0 && j < cs / 8 && l2 + cs <= img.length; j++) spots.push(l2 + j * 8);
  }
  return spots;
}

/** One deterministic mutation of `img`, chosen by `prng`. */
function mutate(img: Buffer, prng: Prng): Buffer {
  const out = Buffer.from(img);
  const spots = metadataSpots(img);
  const spot = spots[prng.int(0, spots.length - 1)];
  const cs = 2 ** img.readUInt32BE(20);
  switch (prng.int(0, 5)) {
    case 0: // flip one bit of a metadata field
      out[spot + prng.int(0, 7 > out.length - spot - 1 ? 0 : 7)] ^= 1 << prng.int(0, 7);
      return out;
    case 1: // point an entry somewhere else in the file, keeping its flags
      out.writeUInt32BE((out.readUInt32BE(spot + 4) & 0x1ff) | (prng.int(0, Math.floor(img.length / 512)) * 512), spot + 4);
      return out;
    case 2: // random 64-bit value in a table entry
      out.writeUInt32BE(prng.int(0, 0xffffffff), spot);
      out.writeUInt32BE(prng.int(0, 0xffffffff), spot + 4);
      return out;
    case 3: // truncate
      return out.subarray(0, prng.int(0, img.length - 1));
    case 4: // scribble over a random cluster (data, compressed data or metadata)
      for (let k = 0, at = prng.int(0, Math.floor(img.length / cs) - 1) * cs; k < 16; k++) out[at + prng.int(0, cs - 1)] = prng.int(0, 255);
      return out;
    default: // several bit flips in metadata
      for (let k = 0; k < 4; k++) out[spots[prng.int(0, spots.length - 1)] + prng.int(0, 7)] ^= 1 << prng.int(0, 7);
      return out;
  }
}

/** Converts `bytes` (grown to `fileSize` with a sparse tail when given) with ours, then, if we did not refuse it, with qemu-img. */
async function checkCase(dir: string, name: string, bytes: Buffer, fileSize?: number): Promise<'refused' | 'converted'> {
  return (await judgeCase(dir, name, bytes, fileSize)).outcome;
}

async function judgeCase(dir: string, name: string, bytes: Buffer, fileSize?: number): Promise<{ outcome: 'refused' | 'converted'; stderr: string }> {
  const src = path.join(dir, `${name}.qcow2`);
  const ours = path.join(dir, `${name}.ours.raw`);
  const theirs = path.join(dir, `${name}.qemu.raw`);
  fs.writeFileSync(src, bytes);
  if (fileSize !== undefined) fs.truncateSync(src, fileSize);
  const r = await run(process.execPath, [MAIN, 'convert', src, ours]);
  assert.ok(!r.timedOut, `${name}: our converter did not finish within ${TIMEOUT_MS} ms`);
  if (r.code === 3) {
    assert.match(r.stderr, /^error: image refused: [^\n]+\n$/, `${name}: refusal is not one readable line`);
    assert.equal(fs.existsSync(ours), false, `${name}: a refused conversion left an output file`);
    fs.rmSync(src);
    return { outcome: 'refused', stderr: r.stderr };
  }
  assert.equal(r.code, 0, `${name}: converter crashed (exit ${r.code}): ${r.stderr}`);
  const q = await run('qemu-img', ['convert', '-f', 'qcow2', '-O', 'raw', src, theirs]);
  assert.equal(q.code, 0, `${name}: we converted an image qemu-img refuses: ${q.stderr}`);
  assert.ok(sameContent(ours, theirs), `${name}: our output differs from qemu-img's`);
  for (const f of [src, ours, theirs]) fs.rmSync(f);
  return { outcome: 'converted', stderr: r.stderr };
}

/** Equal size and content; `qemu-img compare` skips holes, so a mutated multi-TiB virtual size stays cheap. */
function sameContent(a: string, b: string): boolean {
  if (fs.statSync(a).size !== fs.statSync(b).size) return false;
  try {
    qemuImg(['compare', '-q', '-f', 'raw', '-F', 'raw', a, b]);
    return true;
  } catch {
    return false;
  }
}

function baseImages(dir: string): Buffer[] {
  const made = [
    ['--size', '256K', '--seed', '101', '--cluster-bits', '9', '--compressed', '--data-fraction', '0.7'],
    ['--size', '1M', '--seed', '102', '--cluster-bits', '12', '--compressed'],
    ['--size', '2M', '--seed', '103', '--cluster-bits', '16', '--compressed', '--data-fraction', '0.8'],
  ].map((args, i) => {
    const file = path.join(dir, `base${i}.qcow2`);
    cliOk(['make-image', '--out', file, ...args]);
    return fs.readFileSync(file);
  });
  const raw = path.join(dir, 'v2.raw');
  fs.writeFileSync(raw, Buffer.concat([Buffer.alloc(100_000, 3), Buffer.alloc(200_000), Buffer.alloc(50_000, 9)]));
  const v2 = path.join(dir, 'v2.qcow2');
  qemuImg(['convert', '-f', 'raw', '-O', 'qcow2', '-o', 'compat=0.10,cluster_size=1024', raw, v2]);
  return [...made, fs.readFileSync(v2)];
}

test('fuzz: 224 mutated or truncated images end as a clean refusal or a conversion equal to qemu-img', async (t) => {
  const dir = tempDir(t, 'fuzz');
  const bases = baseImages(dir);
  const cases: Array<[string, Buffer]> = [];
  bases.forEach((img, b) => {
    const prng = new Prng(1000 + b);
    for (let i = 0; i < CASES_PER_BASE; i++) cases.push([`b${b}-m${i}`, mutate(img, prng)]);
  });
  const queue = [...cases];
  const tally = { refused: 0, converted: 0 };
  const workers = Array.from({ length: 3 }, async () => {
    try {
      for (let next = queue.shift(); next; next = queue.shift()) tally[await checkCase(dir, next[0], next[1])]++;
    } finally {
      queue.length = 0; // one failure stops the other lanes before the temp dir is removed
    }
  });
  await Promise.all(workers);
  t.diagnostic(`refused ${tally.refused}, converted identically to qemu-img ${tally.converted}`);
  assert.equal(tally.refused + tally.converted, 224);
  assert.ok(tally.refused > 20 && tally.converted > 20, 'the mutations should exercise both outcomes');
});

// The corpus: images found to break the converter once, each kept with the refusal it must now end in.
const TIB = 2 ** 40;
const CORPUS: Array<{ name: string; make: (dir: string) => Buffer; fileSize?: number; refusal: RegExp }> = [
  {
    // 512-byte clusters and a 15 TiB sparse tail: tracking its host clusters once needed an 8 GB array (RangeError).
    name: 'huge-sparse-file-small-clusters',
    make: (dir) => madeImage(dir, ['--size', '8M', '--seed', '7', '--cluster-bits', '9']),
    fileSize: 15 * TIB,
    refusal: /^error: image refused: the file \(16492674416640 bytes\) spans 32212254720 clusters of 512 bytes, more than the limit of 2147483647\n$/,
  },
  {
    // qemu-img: "Image does not contain a reference count table"; we used to convert it.
    name: 'refcount-table-clusters-zero',
    make: (dir) => { const img = madeImage(dir, ['--size', '1M', '--seed', '8']); img.writeUInt32BE(0, 56); return img; },
    refusal: /^error: image refused: image does not contain a reference count table/,
  },
];

function madeImage(dir: string, args: string[]): Buffer {
  const file = path.join(dir, `made-${args.join('')}.qcow2`);
  cliOk(['make-image', '--out', file, ...args]);
  return fs.readFileSync(file);
}

test('fuzz corpus: each image that once broke the converter is a clean refusal', async (t) => {
  const dir = tempDir(t, 'fuzz-corpus');
  for (const entry of CORPUS) {
    const { outcome, stderr } = await judgeCase(dir, entry.name, entry.make(dir), entry.fileSize);
    assert.equal(outcome, 'refused', `${entry.name}: expected a refusal`);
    assert.match(stderr, entry.refusal, entry.name);
  }
});
