// Opens (or creates) the results database: WAL, a busy timeout, migrations applied.
import Database from 'better-sqlite3';
import path from 'node:path';
import { makeFolder } from '../common/index.js';
import { HarnessError } from '../errors.js';
import { migrate } from './schema.js';

/** Opens the database at `file`, creating its folder; throws HarnessError (exit 4) if unusable. */
export function openStore(file: string, { readonly = false } = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (!readonly) makeFolder(path.dirname(path.resolve(file)));
    db = new Database(file, { readonly, fileMustExist: readonly });
    db.pragma('busy_timeout = 5000');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives a crash of crashtest; only power loss can drop the last ones.
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return db;
  } catch (error) {
    db?.close(); // an open handle would keep its lock
    if (readonly && (error as { code?: string }).code === 'SQLITE_CANTOPEN') {
      throw new HarnessError(`no results database at ${file} (run a scenario first, or pass --db)`);
    }
    const code = (error as { code?: string }).code;
    throw new HarnessError(`cannot use the results database ${file}: ${(error as Error).message}${code?.startsWith('SQLITE_') ? ` (${code}: is its disk full?)` : ''}`);
  }
}
