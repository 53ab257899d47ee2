// Opens the results database only to read it, even on a full disk: a read-only WAL reader must create a
// shared-memory file (-shm), which fails there; in exclusive locking mode SQLite keeps that index in memory.
import Database from 'better-sqlite3';
import { openStore } from './open.js';

/** Opens `file` for reading (it must exist); on a disk too full for the -shm file, falls back to exclusive locking. */
export function openStoreForReading(file: string): Database.Database {
  const db = openStore(file, { readonly: true });
  try {
    db.pragma('schema_version'); // the first read is where the -shm file is made
    return db;
  } catch (error) {
    db.close();
    if (!String((error as { code?: string }).code).startsWith('SQLITE_IOERR')) throw error;
    return openExclusive(file);
  }
}

function openExclusive(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('locking_mode = EXCLUSIVE'); // set before the first read: no -shm is ever made; nothing is written
  return db;
}
