// "Try again later" errors: the job store or the queue cannot be reached right now (server down, restarting,
// locked). The api answers them with 503 + Retry-After; workers and the reconciler sleep and retry.
import { isBusy } from './db.js';

export class Unavailable extends Error {
  constructor(readonly service: 'postgres' | 'redis', cause: unknown) {
    super(`${service} is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'Unavailable';
  }
}

const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH', 'ECONNABORTED']);
const PG_CONNECTION_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|not queryable/i;

/** True for a PostgreSQL error that means "the server is not there right now" rather than a bad query. */
export function isPgDown(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  // 08xxx: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now (starting up)
  if (NET_CODES.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code)) return true;
  return typeof e.message === 'string' && PG_CONNECTION_MESSAGES.test(e.message);
}

/** Errors worth a retry later: the store or queue is down, restarting, or (SQLite) locked by another process. */
export function isUnavailable(err: unknown): boolean {
  return err instanceof Unavailable || isBusy(err) || isPgDown(err);
}
