// The planted bugs: each `--bug NAME` switches on one small, clearly marked wrong branch in the api, a worker
// or the reconciler (every command accepts every name, so one scenario variable can set it everywhere).
import { UsageError } from '../errors.js';

export const BUG_NAMES = [
  'non-atomic-write', // worker: writes the output in place (no temp + rename) and trusts an existing output file
  'ack-before-commit', // api: answers 201 before the insert is committed (inserts a few hundred ms later)
  'no-lease-expiry', // worker: never takes over a job whose lease expired (a dead worker's job is never done)
  'lease-not-refreshed', // worker: never refreshes its lease, so long jobs get stolen and converted twice
  'done-before-output-durable', // worker: marks the job done (with the checksum) before writing the output
  'no-reconcile', // reconciler: never rebuilds the Redis queue, so jobs it lost (kill, crash) are never done
  'no-fencing', // worker: ignores a lost lease and commits anyway, so a worker resumed after a pause overwrites a takeover
  'no-fsync', // api, worker: never fsync (SQLite synchronous=OFF, output and its folder unsynced): fine under kill -9, not power loss
] as const;
export type BugName = (typeof BUG_NAMES)[number];

export type Bugs = ReadonlySet<BugName>;

/** Validates the --bug values (the flag may repeat, or hold a comma-separated list). */
export function parseBugs(values: string[] | undefined): Bugs {
  const bugs = new Set<BugName>();
  for (const name of (values ?? []).flatMap((v) => v.split(',')).filter(Boolean)) {
    if (!(BUG_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`unknown --bug "${name}"; known bugs: ${BUG_NAMES.join(', ')}`);
    }
    bugs.add(name as BugName);
  }
  return bugs;
}
