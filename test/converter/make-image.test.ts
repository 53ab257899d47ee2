// make-image writes valid qcow2 v3 images: checked with the real `qemu-img check` and `qemu-img info`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { tempDir, cliOk, qemuImg, sha256File } from './helpers.js';

const CASES: Array<{ name: string; args: string[]; size: number }> = [
  { name: 'mixed 64M', args: ['--size', '64M', '--seed', '1'], size: 64 * 2 ** 20 },
  { name: 'compressed', args: ['--size', '16M', '--seed', '2', '--compressed'], size: 16 * 2 ** 20 },
  { name: 'mostly empty', args: ['--size', '64M', '--seed', '3', '--mostly-empty'], size: 64 * 2 ** 20 },
  { name: '512-byte clusters, compressed', args: ['--size', '2M', '--seed', '4', '--cluster-bits', '9', '--compressed'], size: 2 * 2 ** 20 },
  { name: '2 MiB clusters, partial last cluster', args: ['--size', '5243392', '--seed', '5', '--cluster-bits', '21', '--compressed'], size: 5243392 },
  { name: 'all data', args: ['--size', '4M', '--seed', '6', '--cluster-bits', '12', '--data-fraction', '1'], size: 4 * 2 ** 20 },
];

for (const c of CASES) {
  test(`make-image ${c.name}: qemu-img check passes and info agrees`, (t) => {
    const dir = tempDir(t, 'mkimg');
    const file = path.join(dir, 'img.qcow2');
    cliOk(['make-image', '--out', file, ...c.args]);
    const check = JSON.parse(qemuImg(['check', '--output=json', file])) as Record<string, unknown>;
    assert.equal(check['check-errors'], 0);
    assert.equal(check['corruptions'] ?? 0, 0);
    assert.equal(check['leaks'] ?? 0, 0);
    const info = JSON.parse(qemuImg(['info', '--output=json', file])) as Record<string, unknown>;
    assert.equal(info['format'], 'qcow2');
    assert.equal(info['virtual-size'], c.size);
    assert.equal((info['format-specific'] as { data: { compat: string } }).data.compat, '1.1');
  });
}

test('make-image is deterministic for a seed and differs across seeds', (t) => {
  const dir = tempDir(t, 'mkimg');
  const [a, b, c] = ['a', 'b', 'c'].map((n) => path.join(dir, `${n}.qcow2`));
  const args = ['--size', '8M', '--compressed', '--cluster-bits', '12'];
  cliOk(['make-image', '--out', a, '--seed', '42', ...args]);
  cliOk(['make-image', '--out', b, '--seed', '42', ...args]);
  cliOk(['make-image', '--out', c, '--seed', '43', ...args]);
  assert.equal(sha256File(a), sha256File(b));
  assert.notEqual(sha256File(a), sha256File(c));
});

test('make-image --compressed really stores compressed clusters', (t) => {
  const dir = tempDir(t, 'mkimg');
  const file = path.join(dir, 'c.qcow2');
  cliOk(['make-image', '--out', file, '--size', '16M', '--seed', '9', '--compressed']);
  const check = JSON.parse(qemuImg(['check', '--output=json', file])) as { 'compressed-clusters': number; 'allocated-clusters': number };
  assert.ok(check['compressed-clusters'] > 10, `only ${check['compressed-clusters']} compressed clusters`);
});
