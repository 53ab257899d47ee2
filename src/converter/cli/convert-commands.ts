// One-shot commands: convert (qcow2 -> raw) and checksum (sparse digest of a raw file).
import { flags } from './args.js';
import { UsageError } from '../errors.js';
import { convertFile, digestRawFile } from '../convert/file.js';

/** convert SRC DST [--fsync] [--checksum] */
export async function convertCommand(argv: string[]): Promise<void> {
  const { values, positionals } = flags('convert', argv, { fsync: { type: 'boolean' }, checksum: { type: 'boolean' } });
  if (positionals.length !== 2) throw new UsageError('convert: expected SRC.qcow2 DST.raw');
  const digest = await convertFile(positionals[0], positionals[1], { fsync: values.fsync === true, digest: values.checksum === true });
  if (values.checksum) console.log(digest);
}

/** checksum FILE: prints the sparse digest of a raw file (what workers store in jobs.checksum). */
export function checksumCommand(argv: string[]): void {
  const { positionals } = flags('checksum', argv, {});
  if (positionals.length !== 1) throw new UsageError('checksum: expected one FILE');
  console.log(digestRawFile(positionals[0]));
}
