// The scenario file's schema (zod): every key with its type, unit and default.
// `Scenario` is derived from it; the README's scenario reference follows this file.
import { z } from 'zod';
import { duration, positiveDuration } from './duration-schema.js';
import { chaos } from './chaos-schema.js';
import { wakeUp } from './wake-up-schema.js';

/** A command: an argv list (run directly) or a string (run by /bin/sh -c). */
const command = z.union([z.string().min(1), z.array(z.string()).min(1)], { error: 'a command string or a list of strings' });

const name = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'expected a name of letters, digits, "-" or "_", starting with a letter');

const readiness = z
  .strictObject({
    tcp: z.union([z.number().int(), z.string()], { error: 'a port number or "${self.port}"' }).optional().describe('ready when this TCP port on 127.0.0.1 accepts a connection'),
    http: z.string().optional().describe('ready when this URL answers 2xx'),
    log: z.string().optional().describe('ready when a stdout/stderr line matches this regular expression'),
    command: command.optional().describe('ready when this command exits 0'),
    timeout: positiveDuration.default(10_000).describe('give up after this long (default 10s); the run then fails with exit 3'),
    every: positiveDuration.default(50).describe('poll interval for tcp/http/command checks (default 50ms)'),
  })
  .refine((r) => [r.tcp, r.http, r.log, r.command].filter((x) => x !== undefined).length === 1, {
    message: 'expected exactly one of tcp, http, log or command',
  });

const restart = z.strictObject({
  policy: z.enum(['always', 'on-kill', 'never']).default('always')
    .describe('always: restart after kills and after exits of its own; on-kill: only after chaos kills; never'),
  delay: duration.default(0).describe('wait before restarting a killed instance (default 0ms)'),
  backoff_max: positiveDuration.default(5_000).describe('cap of the crash-loop backoff for exits of its own (default 5s)'),
  min_uptime: duration.default(1_000).describe('an exit of its own sooner than this after start counts toward a crash loop (default 1s)'),
});

/** A size: "512M", "1G", "64K" or a number of bytes. */
const size = z.union([z.number().int().positive(), z.string().regex(/^\d+(\.\d+)?\s*[KMG]i?B?$/i, 'expected a size like "64M" or "1G"')], { error: 'a size like "64M" or "1G"' })
  .transform((value) => {
    if (typeof value === 'number') return value;
    const match = /^(\d+(?:\.\d+)?)\s*([KMG])/i.exec(value)!;
    return Math.round(Number(match[1]) * 1024 ** ('KMG'.indexOf(match[2].toUpperCase()) + 1));
  });

const volume = z.strictObject({
  path: z.string().describe('where the volume is mounted (e.g. "${run.dir}/data"); components naming the same path share it'),
  size: size.default(256 * 1024 * 1024).describe('size of the ext4 file system (default 256M, at least 4M)'),
});

const component = z.strictObject({
  name: name.describe('component name; instances are named <name>.<replica>'),
  preset: z.enum(['postgres', 'redis']).optional()
    .describe('a real server run by crashtest: postgres (initdb, fsync on, as the postgres account) or redis (no persistence)'),
  command: command.optional().describe('argv list, or a string run by /bin/sh -c (required without a preset)'),
  args: z.array(z.string()).default([]).describe('extra arguments for a preset server'),
  bin_dir: z.string().optional().describe('folder of a preset\'s binaries (default: PATH, then /usr/lib/postgresql/*/bin)'),
  user: z.string().optional().describe('account a preset server runs as (postgres default: postgres)'),
  cwd: z.string().optional().describe('working directory (default: the scenario file\'s folder)'),
  env: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()], { error: 'a string, a number or true/false' }).transform(String)).default({})
    .describe('extra environment variables'),
  replicas: z.number().int().min(1).max(200).default(1).describe('number of instances (default 1)'),
  port: z.union([z.literal('auto'), z.number().int().min(1).max(65535)], { error: '"auto" or a port number' }).optional()
    .describe('"auto" allocates a free port per instance: ${self.port}, ${components.<name>.port}'),
  ready: readiness.optional().describe('readiness check; without one an instance is ready once spawned'),
  restart: restart.prefault({}).describe('restart policy'),
  killable: z.boolean().default(true).describe('may chaos kill it (default true)'),
  tags: z.array(z.string()).default([]).describe('labels chaos targets can select with "tag:<name>"'),
  volumes: z.array(volume).default([]).describe('ext4 file systems on loop devices mounted before setup, for power-loss faults (root)'),
}).refine((c) => c.command !== undefined || c.preset !== undefined, { message: 'required key is missing (expected a command string or a list of strings, or a preset)', path: ['command'] });

const retry = z.strictObject({
  base: positiveDuration.default(50).describe('first backoff, doubled per attempt (default 50ms)'),
  cap: positiveDuration.default(2_000).describe('longest backoff (default 2s); delays are full-jitter: random in [0, min(cap, base·2^n)]'),
  attempt_timeout: positiveDuration.default(2_000).describe('one attempt gives up after this (default 2s), then retries'),
});

const workload = z
  .strictObject({
    http: z.strictObject({
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'),
      url: z.string().describe('request URL; ${seq}, ${key}, ${uuid} are filled per operation'),
      headers: z.record(z.string(), z.string()).default({}),
      body: z.string().optional().describe('body template with ${seq}, ${key}, ${uuid}'),
      idempotency_header: z.string().default('Idempotency-Key').describe('header carrying the key (default Idempotency-Key)'),
      deadline_header: z.string().default('X-Deadline').describe('header carrying the deadline, ms since the epoch (default X-Deadline)'),
    }).optional(),
    command: command.optional().describe('a command per operation; exit 0 = acknowledged; env CRASHTEST_KEY, CRASHTEST_SEQ, CRASHTEST_DEADLINE_MS'),
    reject_codes: z.array(z.number().int()).default([65]).describe('command exit codes meaning "rejected, do not retry" (default [65])'),
    key: z.string().default('${run.id}-${seq}').describe('idempotency key template (default ${run.id}-${seq})'),
    rate: z.number().positive().default(5).describe('operations started per second (default 5)'),
    concurrency: z.number().int().min(1).default(4).describe('most operations in flight; a tick with all busy is skipped (default 4)'),
    start: duration.default(0).describe('start after the components are ready + this (default 0)'),
    stop: duration.optional().describe('stop starting operations at this time after the start (default: when the quiet period starts)'),
    ttl: positiveDuration.default(10_000).describe('deadline of each operation: retried until acknowledged or this runs out (default 10s)'),
    retry: retry.prefault({}),
  })
  .refine((w) => (w.http ? 1 : 0) + (w.command ? 1 : 0) === 1, { message: 'expected exactly one of http or command' });

const probe = z
  .strictObject({
    http: z.strictObject({
      url: z.string(),
      path: z.string().optional().describe('JSON path in the answer (a.b.0.c); a number is a value, a list gives items'),
    }).optional(),
    command: command.optional().describe('stdout is parsed; a non-zero exit is a probe error, unless listed in violations_exit'),
    violations_exit: z.array(z.number().int().min(1).max(255)).default([])
      .describe('command probes: exit codes meaning "the printed lines are violations" (a checker such as fsck or pg_amcheck); each line is an item, never a probe error (default none)'),
    sql: z.strictObject({
      sqlite: z.string().optional().describe('SQLite file (opened read-only)'),
      postgres: z.string().optional().describe('PostgreSQL connection URL'),
      query: z.string(),
    }).refine((q) => (q.sqlite ? 1 : 0) + (q.postgres ? 1 : 0) === 1, { message: 'expected exactly one of sqlite or postgres' }).optional(),
    parse: z.enum(['auto', 'number', 'lines', 'json']).default('auto')
      .describe('auto: a number if the output is one, else one item per non-empty line (sql: one item per row)'),
    every: positiveDuration.default(1_000).describe('sampling interval during the run (default 1s); sampled once more at the end'),
    timeout: positiveDuration.default(2_000).describe('one reading gives up after this (default 2s) and is recorded as an error'),
  })
  .refine((p) => [p.http, p.command, p.sql].filter(Boolean).length === 1, { message: 'expected exactly one of http, command or sql' })
  .refine((p) => p.command !== undefined || p.violations_exit.length === 0, { message: 'violations_exit applies to command probes only', path: ['violations_exit'] });

const condition = z.string().transform((text, ctx) => {
  const match = /^\s*(==|<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `expected a condition like "== 0" or "<= 5", got ${JSON.stringify(text)}` });
    return z.NEVER;
  }
  return { op: match[1] as '==' | '<=' | '>=' | '<' | '>', value: Number(match[2]) };
});

const invariants = z.strictObject({
  progress: z.strictObject({
    probe: z.string().describe('a probe whose number rises with progress'),
    window: positiveDuration.default(10_000).describe('longest allowed time without a rise while chaos runs (default 10s)'),
  }).optional(),
  no_loss: z.strictObject({ probe: z.string().describe('a probe listing the keys present at the end') }).optional(),
  consistency: z.strictObject({ probe: z.string().describe('a probe listing violations; must list none, ever') }).optional(),
  converge: z.strictObject({
    probe: z.string(),
    condition: condition.describe('e.g. "== 0"'),
    within: positiveDuration.default(10_000).describe('must hold within this after the quiet period starts, and at the end (default 10s)'),
  }).optional(),
  recovery: z.strictObject({
    within: positiveDuration.default(30_000).describe('each killed instance ready again (and progress, with probe) within this (default 30s)'),
    probe: z.string().optional(),
  }).optional(),
  wake_up: wakeUp.optional().describe('would the run have paged the operator (judged by default; false: not judged)'),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1).describe('scenario name, shown in reports'),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional().describe('seed of the fault schedule (default: random, printed)'),
  duration: positiveDuration.default(60_000).describe('load and chaos phase, quiet period included (default 60s)'),
  setup: z.array(command).default([]).describe('commands run once, in order, before any component starts (each must exit 0)'),
  components: z.array(component).min(1).describe('the processes of the system under test, started in order'),
  chaos: chaos.optional().describe('the kill schedule; absent means no faults'),
  workload: workload.optional().describe('the client: operations with a deadline and an idempotency key'),
  probes: z.record(name, probe).default({}).describe('named readers of the system\'s state'),
  invariants: invariants.optional().describe('the litmus questions; recovery and wake_up are checked unless turned off'),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ComponentSpec = Scenario['components'][number];
export type ReadinessSpec = NonNullable<ComponentSpec['ready']>;
export type RestartSpec = ComponentSpec['restart'];
export type ChaosSpec = NonNullable<Scenario['chaos']>;
export type TriggerSpec = ChaosSpec['triggers'][number];
export type VolumeSpec = ComponentSpec['volumes'][number];
export type WorkloadSpec = NonNullable<Scenario['workload']>;
export type ProbeSpec = Scenario['probes'][string];
export type InvariantsSpec = NonNullable<Scenario['invariants']>;
