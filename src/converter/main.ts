// Entry point of the reference system under test: a crash-only qcow2 -> raw converter (CLI, api, workers, reconciler).
// Exit codes: 0 ok, 2 bad command line, 3 image refused (convert); anything else is a crash.
import { ImageError, UsageError } from './errors.js';

const USAGE = `usage: node dist/src/converter/main.js <command> [options]
  convert SRC.qcow2 DST.raw [--fsync] [--checksum]
  checksum FILE.raw
  make-image --out FILE --size 64M --seed N [--compressed] [--cluster-bits 16] [--data-fraction 0.6] [--mostly-empty]
  api --db DB --port N --data DIR [--redis URL] [--max-pending 1000] [--bug NAME]...
  worker --db DB --data DIR --id NAME [--redis URL] [--lease-ttl 5s] [--poll 50ms] [--max-attempts 20] [--bug NAME]...
  reconciler --db DB --redis URL [--every 1s] [--bug NAME]...
  verify --db DB --data DIR [--state FILE [--sample 8] [--full] [--compact]]
DB: a SQLite file path, or a postgres://user@host:port/db URL (PostgreSQL)
--redis: pending job ids and leases in Redis (rebuilt from DB by the reconciler); without it, a lease table in DB
bugs (any command, repeatable): ack-before-commit non-atomic-write no-lease-expiry lease-not-refreshed
  done-before-output-durable no-reconcile no-fencing no-fsync`;

type Command = (argv: string[]) => void | Promise<void>;

/** Commands are imported lazily so that a one-shot conversion does not pay for loading SQLite or http. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  convert: async () => (await import('./cli/convert-commands.js')).convertCommand,
  checksum: async () => (await import('./cli/convert-commands.js')).checksumCommand,
  'make-image': async () => (await import('./cli/make-image-command.js')).makeImageCommand,
  api: async () => (await import('./system/api.js')).apiCommand,
  worker: async () => (await import('./system/worker.js')).workerCommand,
  verify: async () => (await import('./system/verify.js')).verifyCommand,
  reconciler: async () => (await import('./system/reconciler.js')).reconcilerCommand,
};

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const load = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (name === '--help' || name === 'help') {
    console.log(USAGE);
    return;
  }
  if (!load) {
    console.error(name === undefined ? USAGE : `unknown command "${name}"\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  try {
    const command = await load();
    await command(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}\n${USAGE}`);
      process.exitCode = 2;
    } else if (err instanceof ImageError) {
      console.error(`error: image refused: ${err.message}`);
      process.exitCode = 3;
    } else {
      throw err; // crash-only: an unexpected error kills the process
    }
  }
}

await main(process.argv.slice(2));
