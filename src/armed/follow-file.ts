// Follows a file another process appends to, line by line, as soon as the lines land.
// inotify (fs.watch) wakes us within a millisecond; a slow poll covers a missed event.
import { closeSync, openSync, readSync, watch, type FSWatcher } from 'node:fs';

/** A follower; `drain()` reads what is left (call it once the writer has exited). */
export interface Follower {
  drain(): void;
  stop(): void;
}

const POLL_MS = 20;

/** Calls `onLine` for every complete line appended to `file` (which must exist), and `onPartial` with an unfinished last line. */
export function followLines(file: string, onLine: (line: string) => void, onPartial?: (line: string) => void): Follower {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(64 * 1024);
  let rest = '';
  let stopped = false;
  const read = (): void => {
    for (let n = readSync(fd, buffer); n > 0 && !stopped; n = readSync(fd, buffer)) {
      const lines = (rest + buffer.toString('utf8', 0, n)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) onLine(line);
      // strace writes a call's entry before it holds the call (delay_enter): the decision is made on it.
      if (rest && onPartial) onPartial(rest);
    }
  };
  let watcher: FSWatcher | undefined = watch(file, () => read());
  const timer = setInterval(read, POLL_MS);
  return {
    drain: read,
    stop() {
      if (stopped) return;
      read();
      stopped = true;
      clearInterval(timer);
      watcher?.close();
      watcher = undefined;
      closeSync(fd);
    },
  };
}
