// Terminal output: one plain line per event (kill, exit, restart, ready) and, on a TTY, a live
// status line (elapsed, kills, restarts). Colour only on a TTY and never with NO_COLOR.
import { Chalk, type ChalkInstance } from 'chalk';
import type { RunEvent } from '../store/index.js';

export interface TerminalOptions {
  stream: NodeJS.WriteStream;
  /** colour and the live status line; default: stream.isTTY and NO_COLOR unset */
  tty?: boolean;
  verbose?: boolean;
  durationMs: number;
}

/** Formats a run-relative time as "+12.345s". */
export function at(ms: number): string {
  return `+${(ms / 1000).toFixed(3)}s`.padStart(9);
}

/** Prints events as they are recorded; returns the listener and a close() that clears the status line. */
export function terminalReporter(options: TerminalOptions): { onEvent: (event: RunEvent) => void; close: () => void; color: ChalkInstance } {
  const tty = options.tty ?? (options.stream.isTTY === true && !process.env.NO_COLOR);
  const color = new Chalk({ level: tty ? 1 : 0 });
  const counts = { kills: 0, restarts: 0, exits: 0, ops: 0 };
  const started = performance.now();
  let statusShown = false;
  const write = (line: string): void => {
    if (statusShown) options.stream.write('\r\x1b[2K');
    options.stream.write(`${line}\n`);
    statusShown = false;
  };
  const status = (): void => {
    if (!tty) return;
    const elapsed = ((performance.now() - started) / 1000).toFixed(1);
    options.stream.write(`\r\x1b[2K${color.dim(`${elapsed}s / ${(options.durationMs / 1000).toFixed(0)}s · kills ${counts.kills} · restarts ${counts.restarts} · ops ${counts.ops}`)}`);
    statusShown = true;
  };
  const timer = tty ? setInterval(status, 250) : undefined;
  timer?.unref();
  const onEvent = (event: RunEvent): void => {
    if (event.type === 'fault.injected') counts.kills++;
    if (event.type === 'component.restarting') counts.restarts++;
    if (event.type === 'op.completed') counts.ops++;
    const line = describeEvent(event, color, options.verbose === true);
    if (line) write(`${color.dim(at(event.t))}  ${line}`);
  };
  return { onEvent, close: () => { clearInterval(timer); if (statusShown) options.stream.write('\r\x1b[2K'); }, color };
}

/** One line for an event, or undefined for events too frequent to print. */
export function describeEvent(event: RunEvent, c: ChalkInstance, verbose = false): string | undefined {
  switch (event.type) {
    case 'component.spawned':
      return `${c.cyan('spawn  ')} ${event.instance} (pid ${event.pid})${event.generation > 1 ? `, generation ${event.generation}` : ''}`;
    case 'component.ready':
      return `${c.green('ready  ')} ${event.instance} (pid ${event.pid}) after ${Math.round(event.afterMs)} ms`;
    case 'component.unready':
      return `${c.yellow('unready')} ${event.instance} (pid ${event.pid}): ${event.reason}`;
    case 'component.exited': {
      const how = event.signal ? `with ${event.signal}` : `with code ${event.code}`;
      const why = event.cause === 'self' ? c.yellow(' (not caused by crashtest)') : '';
      return event.cause === 'teardown' && !verbose ? undefined
        : `${c.magenta('exit   ')} ${event.instance} (pid ${event.pid}) exited ${how} ${(event.uptimeMs / 1000).toFixed(1)} s after start${why}`;
    }
    case 'component.restarting':
      return `${c.cyan('restart')} ${event.instance} in ${Math.round(event.delayMs)} ms (${event.reason})`;
    case 'fault.injected':
      return describeFault(event, c);
    case 'fault.healed':
      return `${c.green('healed ')} fault ${event.seq} on ${event.instance}: ${event.detail}`;
    case 'fault.skipped':
      return `${c.yellow('skip   ')} fault ${event.seq} on ${event.instance}: ${event.reason}`;
    case 'run.phase':
      return ['chaos', 'quiet', 'converging', 'checking'].includes(event.phase) ? c.bold(`phase   ${event.phase}`) : undefined;
    case 'process.escaped':
      return `${c.yellow('escaped')} ${event.instance} (generation ${event.generation}): pid ${event.pid} had left its process group, killed: ${event.command}`;
    case 'run.note':
      return `${event.level === 'warn' ? c.yellow('warn   ') : 'note   '} ${event.message}`;
    case 'op.completed':
      return verbose ? `op      ${event.op.key} ${event.op.outcome} after ${event.op.attempts.length} attempt(s)` : undefined;
    default:
      return undefined;
  }
}

// One line per fault, saying what it did and, for an armed kill, where it landed.
function describeFault(event: Extract<RunEvent, { type: 'fault.injected' }>, c: ChalkInstance): string {
  const why = event.trigger ? ` · triggered by ${event.trigger}` : '';
  if (event.kind === 'pause') return `${c.red('pause  ')} ${event.instance} (pid ${event.pid}) SIGSTOP · fault ${event.seq}${landing(event)}${why}`;
  if (event.kind === 'power-loss') {
    return `${c.red('power  ')} lost under ${event.instance}: file system shut down unflushed, killed ${(event.victims ?? []).join(', ')} · fault ${event.seq}`;
  }
  return `${c.red('kill   ')} ${event.instance} (pid ${event.pid}) ${event.signal} · fault ${event.seq}${landing(event)}${why}`;
}

// Where an armed fault landed (or why it fell back); for a plain one, how late it fired.
function landing(event: Extract<RunEvent, { type: 'fault.injected' }>): string {
  const { armed } = event;
  if (!armed) return event.kind === 'pause' ? '' : `, ${(event.t - event.scheduledMs).toFixed(1)} ms after schedule`;
  if (armed.fellBack) return ` · armed ${((event.t - armed.armedMs) / 1000).toFixed(1)} s, fell back: ${armed.fellBack}`;
  const nth = armed.nth && armed.nth > 1 ? ` (call #${armed.nth})` : '';
  return ` · at ${armed.syscall}(${armed.path ?? '?'})${nth} ${Math.round(event.t - armed.armedMs)} ms after arming`;
}
