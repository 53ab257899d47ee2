// What the supervisor is given for each instance (its plan) and keeps while it runs (its live state).
import type { ExitCause } from '../store/index.js';
import type { ReadyCheck } from './readiness.js';
import type { RestartRules } from './restart-policy.js';
import type { Launched, LaunchSpec } from './spawn.js';
import type { BoundedLog } from './bounded-log.js';

/** Everything needed to run one instance of a component. */
export interface InstancePlan {
  component: string;
  instance: string;
  launch: LaunchSpec;
  ready?: { check: ReadyCheck; timeoutMs: number; everyMs: number };
  restart: RestartRules;
  /** runs once before the first start (e.g. initdb) */
  prepare?: () => Promise<void>;
  /** a folder (absolute) made by prepare and deleted after every process is gone, by the keeper if crashtest dies */
  scratchDir?: string;
  /** output lines recorded as run notes (e.g. PostgreSQL's crash recovery) */
  notes?: RegExp;
}

export interface Live {
  plan: InstancePlan;
  /** a restart after a chaos kill waits for this (a volume being mounted again) */
  hold?: Promise<void>;
  generation: number;
  launched?: Launched;
  spawnedAt: number;
  running: boolean;
  pendingCause?: ExitCause;
  crashStreak: number;
  restartTimer?: NodeJS.Timeout;
  log: BoundedLog;
  watchers: Set<(line: string) => void>;
  tail: string[];
  /** lines this generation printed so far (its share of tail) */
  generationLines?: number;
}

/** Output lines recorded with an exit of its own (blank ones left out): the evidence of why it died. */
export const EXIT_TAIL_LINES = 10;

export type KillOutcome = { fired: true; pid: number; signal: string } | { fired: false; reason: string };
