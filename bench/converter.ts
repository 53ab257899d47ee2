// Converter benchmark: our qcow2 → raw against `qemu-img convert` on the same files in the same run,
// median of 5 — conversion alone, and end to end durable (ours with fsync + checksum vs qemu-img + `sync FILE` + the same checksum).
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

/** Median of 5 timed runs each of two rivals after one warm-up (warm page cache), run in turn (A B A B ...) so a
 * busy moment of the machine lands on both, removing the output each time: [median A, median B]. */
function timedPair(output: string, a: () => number, b: () => number): [number, number] {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < 6; i++) {
    [a, b].forEach((body, k) => {
      rmSync(output, { force: true });
      const ms = body();
      if (i > 0) times[k].push(ms);
    });
  }
  rmSync(output, { force: true });
  return [median(times[0]), median(times[1])];
}

/** Median of 5 after a warm-up, for a conversion run inside this process (what a long-lived worker pays). */
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
      const [qemu, ours] = timedPair(out, () => run('qemu-img', ['convert', '-f', 'qcow2', '-O', 'raw', image.file, out]),
        () => run(process.execPath, [CONVERTER, 'convert', image.file, out]));
      const inWorker = await timedAsync(out, () => convertFile(image.file, out, { digest: false }));
      // `sync FILE` (coreutils) fsyncs that one file, as ours fsyncs its output: a bare `sync` would also flush
      // everything else dirty on the machine and charge it to qemu-img.
      const [qemuDurable, oursDurable] = timedPair(out,
        () => run('qemu-img', ['convert', '-f', 'qcow2', '-O', 'raw', image.file, out]) + run('sync', [out]) + run(process.execPath, [CONVERTER, 'checksum', out]),
        () => run(process.execPath, [CONVERTER, 'convert', image.file, out, '--fsync', '--checksum']));
      const size = `${(statSync(image.file).size / 2 ** 20).toFixed(0)} MiB`;
      rows.push([image.name, size, `${qemu.toFixed(0)} ms`, `${ours.toFixed(0)} ms`, `**${(qemu / ours).toFixed(2)}×**`,
        `${inWorker.toFixed(0)} ms`, `**${(qemu / inWorker).toFixed(2)}×**`,
        `${qemuDurable.toFixed(0)} ms`, `${oursDurable.toFixed(0)} ms`, `**${(qemuDurable / oursDurable).toFixed(2)}×**`]);
    }
    return [
      '### Converter vs `qemu-img convert -f qcow2 -O raw` (same files, same run, median of 5, warm cache)',
      '',
      table(['image', 'qcow2 file', 'qemu-img', 'ours (new process)', 'speed vs qemu-img', 'ours (in a running worker)', 'speed vs qemu-img',
        'qemu-img + sync FILE + checksum', 'ours, fsync + checksum', 'speed vs qemu-img'], rows),
      '',
      'Speed ratio = qemu-img time / our time (above 1 = faster than qemu-img). "New process" includes Node\'s start-up (~40 ms);',
      '"in a running worker" is the conversion as a converter worker performs it, in a process that is already running.',
      'Durable: both flush only the output file (ours fsyncs it; qemu-img is followed by `sync FILE`, an fsync of that file).',
      'qemu-img and ours (new process) run in turn, A B A B, so the machine\'s busy moments land on both.',
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
