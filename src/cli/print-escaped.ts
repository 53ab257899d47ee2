// Under the verdict: the processes that had left their component's process group, which crashtest
// found by their mark and killed (process.escaped events).
import type { EscapedProcess } from '../store/index.js';

/** At most this many are listed one per line; the rest are counted (all are in the report). */
const SHOWN = 10;

/** Prints the escaped processes of a run, nothing when there were none. */
export function printEscaped(escaped: readonly EscapedProcess[], stream: NodeJS.WritableStream = process.stdout): void {
  if (escaped.length === 0) return;
  const what = escaped.length === 1 ? '1 process had left its' : `${escaped.length} processes had left their`;
  stream.write(`\nescaped: ${what} component's process group (setsid or a double fork); crashtest found and killed:\n`);
  for (const p of escaped.slice(0, SHOWN)) stream.write(`  ${p.instance} (generation ${p.generation}) pid ${p.pid}: ${p.command}\n`);
  if (escaped.length > SHOWN) stream.write(`  … and ${escaped.length - SHOWN} more (all in the report)\n`);
}
