// preset: redis — redis-server with persistence off (no RDB snapshots, no AOF): volatile by design,
// a kill loses everything it held, as the talk's queue did. Ready when it answers PING.
import path from 'node:path';
import { SystemError } from '../errors.js';
import { findBinary } from './find-binary.js';
import type { PresetOptions, PresetPlan } from './preset.js';
import { redisAnswers } from './answers.js';

/** Builds the redis preset for one instance; throws SystemError (exit 3) when redis-server is missing. */
export function redisPreset(options: PresetOptions): PresetPlan {
  const server = findBinary('redis-server', { binDir: options.binDir });
  if (!server) throw new SystemError(`${options.instance}: preset redis needs redis-server; not found in PATH${options.binDir ? ` or ${options.binDir}` : ''}`, 'install it (Debian: apt-get install redis-server) or set bin_dir: on the component');
  return {
    launch: {
      command: [server, '--port', String(options.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', path.join(options.runDir), ...options.args],
      cwd: options.runDir, env: {},
    },
    ready: { kind: 'probe', description: `Redis on port ${options.port} to answer PING`, attempt: () => redisAnswers(options.port) },
    url: `redis://127.0.0.1:${options.port}`,
  };
}
