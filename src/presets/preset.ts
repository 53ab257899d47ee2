// What a preset contributes to a component: how to launch it, when it is ready, its URL,
// a setup step before its first start and the folder it makes there (deleted after the run).
import type { LaunchSpec, ReadyCheck } from '../supervisor/index.js';

/** The inputs of a preset, per instance. */
export interface PresetOptions {
  instance: string;
  runId: string;
  runDir: string;
  port: number;
  /** extra command-line arguments from the scenario */
  args: string[];
  binDir?: string;
  user?: string;
}

export interface PresetPlan {
  launch: LaunchSpec;
  ready: ReadyCheck;
  /** connection URL, for ${components.<name>.url} */
  url: string;
  /** log lines recorded as notes in the run (e.g. crash recovery) */
  notes?: RegExp;
  prepare?: () => Promise<void>;
  /** a folder (absolute) prepare makes: deleted after the run, by the keeper if crashtest is killed */
  scratchDir?: string;
}
