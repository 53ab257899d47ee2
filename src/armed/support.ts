// Can this machine arm a kill? strace must exist and we must be allowed to ptrace our components.
// Says what is missing in one line, so the caller can stop with exit 3 before the run starts.
import { readFileSync } from 'node:fs';
import { findExecutable, pathDirs } from '../common/index.js';

/** Either the strace binary to use, or the one line that says what is missing and what to do. */
export type ArmedKillSupport = { ok: true; strace: string } | { ok: false; reason: string };

const CAP_SYS_PTRACE = 19n;

/** Checks for strace on PATH and for permission to attach to processes we started. */
export function checkArmedKillSupport(env: NodeJS.ProcessEnv = process.env): ArmedKillSupport {
  const strace = findExecutable('strace', pathDirs(env.PATH ?? ''));
  if (!strace) return { ok: false, reason: 'armed kills need strace, which is not on PATH: apt-get install strace' };
  const scope = readScope();
  if (hasPtraceCapability()) return { ok: true, strace };
  // Yama 1 allows tracing descendants only; strace is our child but the components are its siblings.
  if (scope !== undefined && scope >= 1) {
    return { ok: false, reason: `armed kills need ptrace: /proc/sys/kernel/yama/ptrace_scope is ${scope} and crashtest is not root (run as root, or set it to 0)` };
  }
  return { ok: true, strace };
}

function readScope(): number | undefined {
  try {
    return Number(readFileSync('/proc/sys/kernel/yama/ptrace_scope', 'utf8').trim());
  } catch {
    return undefined; // no Yama: classic rules, same uid may trace
  }
}

function hasPtraceCapability(): boolean {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('CapEff:'));
  return line !== undefined && ((BigInt(`0x${line.split(/\s+/)[1]}`) >> CAP_SYS_PTRACE) & 1n) === 1n;
}
