// Converter benchmark: our qcow2 → raw against `qemu-img convert` on the same files in the same run,
// median of 5 — conversion alone, and end to end durable (ours with fsync + checksum vs qemu-img + sync + the same checksum).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, table } from './stats.js';
import { convertFile } from '../src/converter/convert/file.js';

const CONVERTER = path.resolve('dist/src/converter/main.js');

interface Image {
  name: string;
  file: string;
}

function run(file: string, args: string[]): number {
  const started = performance.now();
  execFileSync(file, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - started;
}

function makeImages(dir: string): Image[] {
  const kinds: [string, string[]][] = [
    ['1 GiB, ~60 % data (data, zero-flag, zero bytes, unallocated)', ['--size', '1G', '--data-fraction', '0.6']],
    ['the same, compressed clusters', ['--size', '1G', '--data-fraction', '0.6', '--compressed']],
    ['4 GiB, mostly empty', ['--size', '4G', '--mostly-empty']],
  ];
  return kinds.map(([name, args], i) => {
    const file = path.join(dir, `image-${i}.qcow2`);
    execFileSync(process.execPath, [CONVERTER, 'make-image', '--out', file, '--seed', String(i + 1), ...args]);
    return { name, file };
  });
}

/** Median of 5 timed runs of `body` after one warm-up (warm page cache), removing the output each time. */
function timed(output: string, body: () => number): number {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    rmSync(output, { force: true });
    const ms = body();
    if (i > 0) times.push(ms);
  }
  rmSync(output, { force: true });
  return median(times);
}

/** Like timed(), for a conversion run inside this process (what a long-lived worker pays). */
async function timedAsync(output: string, body: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    rmSync(output, { force: true });
    const started = performance.now();
    await body();
    if (i > 0) times.push(performance.now() - started);
  }
  rmSync(output, { force: true });
  return median(times);
}

/** Runs the converter benchmark and returns its Markdown section. */
export async function benchConverter(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crashtest-bench-convert-'));
  try {
    const rows: string[][] = [];
    for (const image of makeImages(dir)) {
      const out = path.join(dir, 'out.raw');
      const qemu = timed(out, () => run('qemu-img', ['convert', '-f', 'qcow2', '-O', 'raw', image.file, out]));
      const ours = timed(out, () => run(process.execPath, [CONVERTER, 'convert', image.file, out]));
      const inWorker = await timedAsync(out, () => convertFile(image.file, out, { digest: false }));
      const qemuDurable = timed(out, () => run('qemu-img', ['convert', '-f', 'qcow2', '-O', 'raw', image.file, out]) + run('sync', []) + run(process.execPath, [CONVERTER, 'checksum', out]));
      const oursDurable = timed(out, () => run(process.execPath, [CONVERTER, 'convert', image.file, out, '--fsync', '--checksum']));
      const size = `${(statSync(image.file).size / 2 ** 20).toFixed(0)} MiB`;
      rows.push([image.name, size, `${qemu.toFixed(0)} ms`, `${ours.toFixed(0)} ms`, `**${(qemu / ours).toFixed(2)}×**`,
        `${inWorker.toFixed(0)} ms`, `**${(qemu / inWorker).toFixed(2)}×**`,
        `${qemuDurable.toFixed(0)} ms`, `${oursDurable.toFixed(0)} ms`, `**${(qemuDurable / oursDurable).toFixed(2)}×**`]);
    }
    return [
      '### Converter vs `qemu-img convert -f qcow2 -O raw` (same files, same run, median of 5, warm cache)',
      '',
      table(['image', 'qcow2 file', 'qemu-img', 'ours (new process)', 'speed vs qemu-img', 'ours (in a running worker)', 'speed vs qemu-img',
        'qemu-img + sync + checksum', 'ours, fsync + checksum', 'speed vs qemu-img'], rows),
      '',
      'Speed ratio = qemu-img time / our time (above 1 = faster than qemu-img). "New process" includes Node\'s start-up (~40 ms);',
      '"in a running worker" is the conversion as a converter worker performs it, in a process that is already running.',
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
