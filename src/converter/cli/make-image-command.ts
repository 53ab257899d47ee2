// The make-image command: parses its flags and writes a deterministic qcow2 v3 test image.
import { flags, requireString, parseSize, intFlag } from './args.js';
import { UsageError } from '../errors.js';
import { makeImage } from '../image/make.js';

/** make-image --out FILE --size 64M --seed N [--compressed] [--cluster-bits 16] [--data-fraction 0.6] [--mostly-empty] */
export function makeImageCommand(argv: string[]): void {
  const { values } = flags('make-image', argv, {
    out: { type: 'string' }, size: { type: 'string' }, seed: { type: 'string' },
    compressed: { type: 'boolean' }, 'cluster-bits': { type: 'string' },
    'data-fraction': { type: 'string' }, 'mostly-empty': { type: 'boolean' },
  });
  const size = parseSize(requireString('make-image', values, 'size'), '--size');
  if (size % 512 !== 0) throw new UsageError(`make-image: --size must be a multiple of 512, got ${size}`);
  const clusterBits = intFlag(values, 'cluster-bits', 16);
  if (clusterBits < 9 || clusterBits > 21) throw new UsageError(`make-image: --cluster-bits must be 9..21, got ${clusterBits}`);
  const mostlyEmpty = values['mostly-empty'] === true;
  const fraction = Number(values['data-fraction'] ?? (mostlyEmpty ? 0.03 : 0.6));
  if (!(fraction >= 0 && fraction <= 1)) throw new UsageError('make-image: --data-fraction must be between 0 and 1');
  makeImage({
    out: requireString('make-image', values, 'out'),
    size,
    seed: intFlag(values, 'seed', 0),
    clusterBits,
    compressed: values.compressed === true,
    dataFraction: fraction,
    mostlyEmpty,
  });
}
