// Our conversion must equal `qemu-img convert -O raw` byte for byte, be sparse, and report a stable checksum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, cli, cliOk, qemuImg, qemuIo, qemuConvert, sameBytes } from './helpers.js';

/** Converts `src` with both tools in `dir`, asserts identical bytes, returns our output path. */
function assertSameAsQemu(dir: string, src: string): string {
  const ours = path.join(dir, 'ours.raw');
  cliOk(['convert', src, ours]);
  const theirs = qemuConvert(src, path.join(dir, 'qemu.raw'));
  assert.ok(sameBytes(ours, theirs), `${path.basename(src)}: our output differs from qemu-img's`);
  return ours;
}

const MADE: Array<{ name: string; args: string[] }> = [
  { name: 'mixed 64M', args: ['--size', '64M', '--seed', '11'] },
  { name: 'compressed 32M', args: ['--size', '32M', '--seed', '12', '--compressed'] },
  { name: 'mostly empty 64M', args: ['--size', '64M', '--seed', '13', '--mostly-empty'] },
  { name: '512-byte clusters', args: ['--size', '3M', '--seed', '14', '--cluster-bits', '9', '--compressed'] },
  { name: '2 MiB clusters, partial last cluster', args: ['--size', '9437696', '--seed', '15', '--cluster-bits', '21', '--compressed'] },
  { name: '4 KiB clusters, all data', args: ['--size', '8M', '--seed', '16', '--cluster-bits', '12', '--data-fraction', '1'] },
];

for (const c of MADE) {
  test(`convert equals qemu-img: make-image ${c.name}`, (t) => {
    const dir = tempDir(t, 'conv');
    const src = path.join(dir, 'src.qcow2');
    cliOk(['make-image', '--out', src, ...c.args]);
    assertSameAsQemu(dir, src);
  });
}

test('convert equals qemu-img: v2 (compat=0.10) image made by qemu-img from a raw file', (t) => {
  const dir = tempDir(t, 'conv');
  const raw = path.join(dir, 'in.raw');
  const fd = fs.openSync(raw, 'w');
  fs.ftruncateSync(fd, 8 * 2 ** 20);
  for (let i = 0; i < 40; i++) fs.writeSync(fd, Buffer.alloc(3000 + i * 97, i + 1), 0, undefined, i * 199_999);
  fs.closeSync(fd);
  const src = path.join(dir, 'v2.qcow2');
  qemuImg(['convert', '-f', 'raw', '-O', 'qcow2', '-o', 'compat=0.10,cluster_size=4096', raw, src]);
  assert.match(qemuImg(['info', src]), /compat: 0\.10/);
  const ours = assertSameAsQemu(dir, src);
  assert.ok(sameBytes(ours, raw));
});

test('convert equals qemu-img: compressed image written by qemu-img convert -c', (t) => {
  const dir = tempDir(t, 'conv');
  const made = path.join(dir, 'made.qcow2');
  cliOk(['make-image', '--out', made, '--size', '16M', '--seed', '17', '--compressed', '--cluster-bits', '14']);
  const src = path.join(dir, 'qc.qcow2');
  qemuImg(['convert', '-c', '-f', 'qcow2', '-O', 'qcow2', made, src]);
  assertSameAsQemu(dir, src);
});

test('convert equals qemu-img: image written by qemu-io (zero-flag writes, discards, rewrites)', (t) => {
  const dir = tempDir(t, 'conv');
  const src = path.join(dir, 'io.qcow2');
  qemuImg(['create', '-f', 'qcow2', '-o', 'cluster_size=65536', src, '16M']);
  qemuIo(src, ['write -P 0xab 0 1M', 'write -P 0x11 3M 200k', 'write -z 512k 128k', 'discard 3M 64k',
    'write -P 0x5a 15M 1M', 'write -z -u 8M 1M', 'write -P 0x22 8M 4k']);
  assertSameAsQemu(dir, src);
});

test('output is sparse: a mostly-empty image converts to a file with few allocated blocks', (t) => {
  const dir = tempDir(t, 'conv');
  const src = path.join(dir, 'empty.qcow2');
  cliOk(['make-image', '--out', src, '--size', '64M', '--seed', '18', '--mostly-empty']);
  const out = path.join(dir, 'out.raw');
  cliOk(['convert', src, out]);
  const st = fs.statSync(out);
  assert.equal(st.size, 64 * 2 ** 20);
  assert.ok(st.blocks * 512 < st.size / 4, `output uses ${st.blocks * 512} bytes of disk for ${st.size}`);
});

test('--checksum while writing equals the checksum recomputed from the file, and from qemu-img output', (t) => {
  const dir = tempDir(t, 'conv');
  const src = path.join(dir, 'src.qcow2');
  cliOk(['make-image', '--out', src, '--size', '12M', '--seed', '19', '--compressed', '--cluster-bits', '13']);
  const ours = path.join(dir, 'ours.raw');
  const whileWriting = cliOk(['convert', '--checksum', src, ours]).trim();
  assert.match(whileWriting, /^[0-9a-f]{40}$/);
  assert.equal(cliOk(['checksum', ours]).trim(), whileWriting);
  assert.equal(cliOk(['checksum', qemuConvert(src, path.join(dir, 'q.raw'))]).trim(), whileWriting);
  const other = path.join(dir, 'other.qcow2');
  cliOk(['make-image', '--out', other, '--size', '12M', '--seed', '20', '--compressed', '--cluster-bits', '13']);
  assert.notEqual(cliOk(['convert', '--checksum', other, path.join(dir, 'o.raw')]).trim(), whileWriting);
});

test('a refused image exits 3 with a readable reason and leaves no output file', (t) => {
  const dir = tempDir(t, 'conv');
  const src = path.join(dir, 'not.qcow2');
  fs.writeFileSync(src, Buffer.alloc(4096, 0x41));
  const out = path.join(dir, 'out.raw');
  const r = cli(['convert', src, out]);
  assert.equal(r.status, 3);
  assert.equal(r.stderr.trim(), 'error: image refused: not a qcow2 image: magic is 0x41414141, expected 0x514649fb');
  assert.equal(fs.existsSync(out), false);
});
