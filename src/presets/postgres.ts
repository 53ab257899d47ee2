// preset: postgres — the system's PostgreSQL as a killable component: initdb once into a fresh folder,
// then the postmaster with fsync on, on its own port and socket folder, as the unprivileged postgres account
// (PostgreSQL refuses to run as root). SIGKILL of its group takes the backends too; the restart does crash recovery.
import { execa } from 'execa';
import { chownSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SystemError } from '../errors.js';
import { lookupAccount } from './accounts.js';
import { findBinary, postgresDirs } from './find-binary.js';
import type { PresetOptions, PresetPlan } from './preset.js';
import { postgresAnswers } from './answers.js';

/** Log lines worth a note in the run: the crash recovery a restart performs. */
const RECOVERY_LINES = /database system was interrupted|not properly shut down|redo done|automatic recovery in progress/;

/** Builds the postgres preset for one instance; throws SystemError (exit 3) when PostgreSQL or its account is missing. */
export function postgresPreset(options: PresetOptions): PresetPlan {
  const postgres = findBinary('postgres', { binDir: options.binDir, extraDirs: postgresDirs() });
  const initdb = postgres && findBinary('initdb', { binDir: path.dirname(postgres), extraDirs: postgresDirs() });
  if (!postgres || !initdb) {
    throw new SystemError(`${options.instance}: preset postgres needs the PostgreSQL server binaries (postgres, initdb); none found in PATH, /usr/lib/postgresql/*/bin${options.binDir ? ` or ${options.binDir}` : ''}`,
      'install them (Debian: apt-get install postgresql) or set bin_dir: on the component');
  }
  const userName = options.user ?? 'postgres';
  const account = lookupAccount(userName);
  if (!account) throw new SystemError(`${options.instance}: preset postgres runs the server as the unprivileged account "${userName}", which does not exist`, `create it (useradd --system ${userName}) or set user: on the component`);
  // Under the system temp folder, not the run folder: every parent must be traversable by that account.
  const root = path.join(os.tmpdir(), `crashtest-${options.runId}`, options.instance);
  const data = path.join(root, 'data');
  const sockets = path.join(root, 'sockets');
  const owned = { uid: account.uid, gid: account.gid };
  const url = `postgres://postgres@127.0.0.1:${options.port}/postgres`;
  return {
    launch: {
      command: [postgres, '-D', data, '-p', String(options.port), '-k', sockets, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', ...options.args],
      cwd: root, env: {}, ...owned,
    },
    ready: { kind: 'probe', description: `PostgreSQL at ${url} to accept queries`, attempt: () => postgresAnswers(url) },
    url,
    notes: RECOVERY_LINES,
    prepare: async () => {
      for (const dir of [path.dirname(root), root, sockets]) {
        mkdirSync(dir, { recursive: true, mode: 0o755 });
        if (dir !== path.dirname(root)) chownSync(dir, account.uid, account.gid);
      }
      const result = await execa(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], { ...owned, cwd: root, reject: false, stdin: 'ignore' });
      if (result.exitCode !== 0) throw new SystemError(`${options.instance}: initdb failed (exit ${result.exitCode})`, String(result.stderr).trim());
    },
    scratchDir: path.dirname(root),
  };
}
