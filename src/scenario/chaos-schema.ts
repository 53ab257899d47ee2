// The `chaos:` block of a scenario: when to hurt what, and how (kinds, arming, triggers).
import { z } from 'zod';
import { duration, positiveDuration } from './duration-schema.js';

/** The persistence syscalls an armed kill can wait for: each acts on files only (plain write/writev also hit pipes and sockets). */
export const PERSISTENCE_SYSCALLS = ['fsync', 'fdatasync', 'sync_file_range', 'rename', 'renameat', 'renameat2', 'pwrite64', 'pwritev', 'pwritev2'] as const;

const faultEntry = z.strictObject({
  kind: z.enum(['kill', 'pause', 'power-loss'])
    .describe('kill: SIGKILL of the process group · pause: SIGSTOP, then SIGCONT after duration · power-loss: the volume loses what was not fsynced'),
  weight: z.number().positive().default(1).describe('share of this kind when drawn at random; turns per cycle in a rotation (default 1)'),
  at: z.enum(['now', 'persistence']).optional().describe('kill or pause: now, or at a persistence syscall (default chaos.at)'),
  duration: positiveDuration.optional().describe('pause only: how long the group stays stopped (default 7s)'),
});

const trigger = z.strictObject({
  component: z.string().describe('the component whose instance is hurt'),
  log: z.string().optional().describe('fire when a line of the component\'s output matches this regular expression'),
  op: z.boolean().optional().describe('fire while a workload operation is in flight (just after it starts)'),
  fault: z.enum(['kill', 'pause']).default('kill').describe('what to do (default kill, at once)'),
  max: z.number().int().min(1).default(1).describe('most times this trigger fires in a run (default 1)'),
  duration: positiveDuration.optional().describe('pause only: how long (default 7s)'),
}).refine((t) => (t.log !== undefined ? 1 : 0) + (t.op ? 1 : 0) === 1, { message: 'expected exactly one of log or op: true' });

export const chaos = z.strictObject({
  interval: positiveDuration.default(10_000).describe('time between kills (default 10s)'),
  jitter: duration.default(0).describe('each kill moves by a seeded random offset in [-jitter, +jitter] (default 0)'),
  targets: z.array(z.string()).optional()
    .describe('component names, instance names (worker.1), globs (work*) or tag:<name>; default every killable component'),
  start_after: duration.default(0).describe('no kill before this (default 0); the first kill is at start_after + interval'),
  quiet: duration.optional().describe('quiet period at the end with no kills (default a quarter of the duration)'),
  signal: z.enum(['SIGKILL']).default('SIGKILL').describe('the fault: SIGKILL to the whole process group'),
  faults: z.array(faultEntry).min(1).optional().describe('the fault mix, one schedule from the seed (default: kill only)'),
  at: z.enum(['now', 'persistence']).default('now')
    .describe('now: kill at the scheduled moment · persistence: arm the target and kill it at its next persistence syscall (default now)'),
  syscalls: z.array(z.enum(PERSISTENCE_SYSCALLS)).min(1).optional()
    .describe('the syscalls an armed kill waits for (default all: fsync, fdatasync, sync_file_range, rename*, positioned writes pwrite*)'),
  nth: z.union([z.number().int().min(1).max(100_000), z.string().regex(/^\d+\s*-\s*\d+$/, 'expected a number or a range like "20-40"')])
    .default(1).transform((value) => {
      const [from, to = from] = String(value).split('-').map((n) => Number(n.trim()));
      return { from: Math.max(1, Math.min(from, to)), to: Math.max(1, from, to) };
    })
    .describe('an armed fault lands on the nth call of one of the syscalls, counted per thread as strace does; a range "a-b" draws nth from the seed (default 1: the next call)'),
  arm_timeout: positiveDuration.optional().describe('an armed target that makes no such call within this is killed plainly (default half the interval)'),
  choose: z.enum(['rotation', 'random']).default('rotation')
    .describe('rotation: components take turns in a seeded order, and fault kinds take turns, so a short run covers each · random: any target, a weighted kind'),
  triggers: z.array(trigger).default([]).describe('faults fired by a log line or an operation in flight, besides the schedule'),
});

