// Cuts a component's output into lines with a bound: a line with no newline for 50 MB must not be held
// (and re-concatenated) in memory; past the limit the line is cut, marked, and the rest of it dropped.
/** Longest line kept, in characters (default 64 Ki); the rest of a longer line is dropped. */
export const MAX_LINE_CHARS = 64 * 1024;

/** Calls `emit` with every line of `stream` (without its newline); a line longer than `maxChars` once, cut and marked. */
export function splitLines(stream: NodeJS.ReadableStream, emit: (line: string) => void, maxChars = MAX_LINE_CHARS): void {
  let rest = '';
  let cut = false; // the current line was already emitted, cut: drop its text until the newline
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    for (let start = 0; ;) {
      const newline = chunk.indexOf('\n', start);
      if (!cut) {
        rest += newline === -1 ? chunk.slice(start) : chunk.slice(start, newline);
        if (rest.length > maxChars) {
          emit(`${rest.slice(0, maxChars)} [cut by crashtest: line longer than ${maxChars} characters]`);
          rest = '';
          cut = true;
        }
      }
      if (newline === -1) return;
      if (!cut) emit(rest);
      rest = '';
      cut = false;
      start = newline + 1;
    }
  });
  stream.on('end', () => rest && !cut && emit(rest));
}
