// "Nobody had to act": every instance that went down (killed, or exiting on its own) was ready again
// within a bound, and none crash-looped (exits of its own, `exits` times within a window) or stayed down.
import type { History, InstanceRecord, RunEvent, RunMs } from '../store/index.js';
import { formatMs } from '../common/index.js';
import type { Page, SelfExit } from './evidence.js';
import { faultsBetween, observedEndMs } from './checker.js';

/** What counts as a crash loop: this many exits of its own by one instance within withinMs. */
export interface CrashLoopRule {
  exits: number;
  withinMs: number;
}

/** What the processes' side of the history says: the exits of their own, the downs, and what would page. */
export interface SelfHealing {
  selfExits: SelfExit[];
  downs: number;
  slowestBackMs: number | null;
  pages: Page[];
}

// Every exit crashtest did not cause, by time, with the output lines recorded with it.
function selfExitsOf(history: History): SelfExit[] {
  return history.events
    .filter((e): e is Extract<RunEvent, { type: 'component.exited' }> => e.type === 'component.exited' && e.cause === 'self')
    .map((e) => ({ instance: e.instance, pid: e.pid, t: e.t, code: e.code, signal: e.signal, uptimeMs: e.uptimeMs, tail: e.tail ?? [] }));
}

// "code 1" / "SIGSEGV".
function howExited(exit: SelfExit): string {
  return exit.signal ? exit.signal : `code ${exit.code ?? '?'}`;
}

/** A line that says what went wrong (a stack trace ends in "Node.js v20.1.0" or a brace, which says nothing). */
const ERROR_LINE = /error|fatal|panic|exception|abort|denied|refused|cannot|can't|failed|killed|out of memory/i;

// '; it said: "fatal: ..."' (the last line that names an error, else the last line), or nothing.
function lastWords(tail: readonly string[]): string {
  const line = [...tail].reverse().find((l) => ERROR_LINE.test(l)) ?? tail[tail.length - 1];
  return line === undefined ? '' : `; it said: ${JSON.stringify(line.trim())}`;
}

// One page per crash-looping instance: at its `exits`-th exit of its own within the window.
function crashLoops(history: History, exits: SelfExit[], rule: CrashLoopRule): Page[] {
  const pages: Page[] = [];
  for (const instance of new Set(exits.map((e) => e.instance))) {
    const mine = exits.filter((e) => e.instance === instance);
    const start = mine.findIndex((e, i) => i + rule.exits - 1 < mine.length && mine[i + rule.exits - 1].t - e.t <= rule.withinMs);
    if (start < 0) continue;
    const [first, nth, last] = [mine[start], mine[start + rule.exits - 1], mine[mine.length - 1]];
    pages.push({
      cause: 'crash_loop', atMs: nth.t, untilMs: null, instance,
      what: `${instance} crash-looped: ${mine.length} exits of its own (${howExited(last)}), the first ${rule.exits} within ${formatMs(nth.t - first.t)}${lastWords(last.tail)}`,
      faultsBefore: faultsBetween(history, first.t - rule.withinMs, nth.t), tail: last.tail,
    });
  }
  return pages;
}

/** A generation that ended (killed or of its own, not at teardown) and when the instance was ready again. */
interface Down {
  gen: InstanceRecord;
  downMs: RunMs;
  /** the next generation's ready time; null: not ready again before the end */
  backMs: RunMs | null;
  /** the next generation ended before it was ready, later than the bound: when */
  endedAgainMs: RunMs | null;
}

// Each generation that ended, with when the next one was ready. A next generation that itself ended
// before it was ready, less than backWithinMs after this one went down (killed again by chaos, or a quick
// exit of its own), supersedes this down: that one is judged instead, as recovery does with such kills.
function downsOf(history: History, backWithinMs: number): Down[] {
  const downs: Down[] = [];
  for (const instance of new Set(history.instances.map((i) => i.instance))) {
    const gens = history.instances.filter((i) => i.instance === instance).sort((a, b) => a.spawnedMs - b.spawnedMs);
    gens.forEach((gen, i) => {
      if (gen.endedMs === null || gen.cause === 'teardown' || gen.cause === null) return;
      const next = gens[i + 1] as InstanceRecord | undefined;
      const cutShort = next !== undefined && next.readyMs === null && next.endedMs !== null && next.cause !== 'teardown';
      if (cutShort && next.endedMs! - gen.endedMs <= backWithinMs) return;
      downs.push({ gen, downMs: gen.endedMs, backMs: next?.readyMs ?? null, endedAgainMs: cutShort ? next.endedMs : null });
    });
  }
  return downs.sort((a, b) => a.downMs - b.downMs);
}

// Pages for instances not ready again within backWithinMs: slow (back later) or down for good. One
// that went down less than backWithinMs before the end and is not back yet is not judged.
function downPages(history: History, backWithinMs: number, exits: SelfExit[]): { downs: number; slowestBackMs: number | null; pages: Page[] } {
  const endMs = observedEndMs(history);
  const downs = downsOf(history, backWithinMs);
  const pages: Page[] = [];
  let slowest: number | null = null;
  for (const { gen, downMs, backMs, endedAgainMs } of downs) {
    if (backMs !== null) slowest = Math.max(slowest ?? 0, backMs - downMs);
    const late = backMs === null ? endMs - downMs >= backWithinMs : backMs - downMs > backWithinMs;
    if (!late) continue;
    const tail = exits.find((e) => e.instance === gen.instance && e.pid === gen.pid)?.tail ?? [];
    const how = gen.cause === 'chaos' ? 'killed by chaos' : `exited on its own (${gen.signal ?? `code ${gen.exitCode ?? '?'}`})`;
    const limit = `(limit ${formatMs(backWithinMs)})`;
    let what = `${gen.instance} ${how} at ${formatMs(downMs)}, ready again only after ${formatMs((backMs ?? 0) - downMs)} ${limit}`;
    if (endedAgainMs !== null) what = `${gen.instance} ${how} at ${formatMs(downMs)}, not ready again before it ended again at ${formatMs(endedAgainMs)} ${limit}`;
    else if (backMs === null) what = `${gen.instance} ${how} at ${formatMs(downMs)} and never came back ${limit}: someone has to restart it${lastWords(tail)}`;
    pages.push({
      cause: backMs === null && endedAgainMs === null ? 'stayed_down' : 'slow_return', atMs: downMs + backWithinMs,
      untilMs: backMs ?? endedAgainMs, instance: gen.instance, what, faultsBefore: faultsBetween(history, downMs - backWithinMs, downMs), tail,
    });
  }
  return { downs: downs.length, slowestBackMs: slowest, pages };
}

/** Judges the processes' side of "nobody had to act". Pure: reads the instances and exit events only. */
export function selfHealing(history: History, backWithinMs: number, crashLoop: CrashLoopRule): SelfHealing {
  const selfExits = selfExitsOf(history);
  const loops = crashLoops(history, selfExits, crashLoop);
  const looping = new Set(loops.map((p) => p.instance));
  const down = downPages(history, backWithinMs, selfExits);
  // A crash-looping instance is paged once, for the loop, not again for each slow restart of its backoff.
  const pages = [...loops, ...down.pages.filter((p) => !looping.has(p.instance))];
  return { selfExits, downs: down.downs, slowestBackMs: down.slowestBackMs, pages };
}
