// The scenario file's schema (zod): every key with its type, unit and default.
// `Scenario` is derived from it; the README's scenario reference follows this file.
import { z } from 'zod';
import { parseDuration } from './duration.js';

/** A duration: "500ms", "10s", "2m", "1h" or a number of milliseconds; parsed to milliseconds. */
const duration = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like "500ms", "10s" or "2m", got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return ms;
  });

/** A command: an argv list (run directly) or a string (run by /bin/sh -c). */
const command = z.union([z.string().min(1), z.array(z.string()).min(1)]);

const name = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'expected a name of letters, digits, "-" or "_", starting with a letter');

const readiness = z
  .strictObject({
    tcp: z.union([z.number().int(), z.string()]).optional().describe('ready when this TCP port on 127.0.0.1 accepts a connection'),
    http: z.string().optional().describe('ready when this URL answers 2xx'),
    log: z.string().optional().describe('ready when a stdout/stderr line matches this regular expression'),
    command: command.optional().describe('ready when this command exits 0'),
    timeout: duration.default(10_000).describe('give up after this long (default 10s); the run then fails with exit 3'),
    every: duration.default(50).describe('poll interval for tcp/http/command checks (default 50ms)'),
  })
  .refine((r) => [r.tcp, r.http, r.log, r.command].filter((x) => x !== undefined).length === 1, {
    message: 'expected exactly one of tcp, http, log or command',
  });

const restart = z.strictObject({
  policy: z.enum(['always', 'on-kill', 'never']).default('always')
    .describe('always: restart after kills and after exits of its own; on-kill: only after chaos kills; never'),
  delay: duration.default(0).describe('wait before restarting a killed instance (default 0ms)'),
  backoff_max: duration.default(5_000).describe('cap of the crash-loop backoff for exits of its own (default 5s)'),
  min_uptime: duration.default(1_000).describe('an exit of its own sooner than this after start counts toward a crash loop (default 1s)'),
});

const component = z.strictObject({
  name: name.describe('component name; instances are named <name>.<replica>'),
  command: command.describe('argv list, or a string run by /bin/sh -c'),
  cwd: z.string().optional().describe('working directory (default: the scenario file\'s folder)'),
  env: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).default({})
    .describe('extra environment variables'),
  replicas: z.number().int().min(1).max(200).default(1).describe('number of instances (default 1)'),
  port: z.union([z.literal('auto'), z.number().int().min(1).max(65535)]).optional()
    .describe('"auto" allocates a free port per instance: ${self.port}, ${components.<name>.port}'),
  ready: readiness.optional().describe('readiness check; without one an instance is ready once spawned'),
  restart: restart.prefault({}).describe('restart policy'),
  killable: z.boolean().default(true).describe('may chaos kill it (default true)'),
  tags: z.array(z.string()).default([]).describe('labels chaos targets can select with "tag:<name>"'),
});

const chaos = z.strictObject({
  interval: duration.default(10_000).describe('time between kills (default 10s)'),
  jitter: duration.default(0).describe('each kill moves by a seeded random offset in [-jitter, +jitter] (default 0)'),
  targets: z.array(z.string()).optional()
    .describe('component names, instance names (worker.1), globs (work*) or tag:<name>; default every killable component'),
  start_after: duration.default(0).describe('no kill before this (default 0); the first kill is at start_after + interval'),
  quiet: duration.optional().describe('quiet period at the end with no kills (default a quarter of the duration)'),
  signal: z.enum(['SIGKILL']).default('SIGKILL').describe('the fault: SIGKILL to the whole process group'),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1).describe('scenario name, shown in reports'),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional().describe('seed of the fault schedule (default: random, printed)'),
  duration: duration.default(60_000).describe('load and chaos phase, quiet period included (default 60s)'),
  components: z.array(component).min(1).describe('the processes of the system under test, started in order'),
  chaos: chaos.optional().describe('the kill schedule; absent means no faults'),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ComponentSpec = Scenario['components'][number];
export type ReadinessSpec = NonNullable<ComponentSpec['ready']>;
export type RestartSpec = ComponentSpec['restart'];
export type ChaosSpec = NonNullable<Scenario['chaos']>;
