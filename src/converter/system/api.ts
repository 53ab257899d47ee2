// The api process: an HTTP front door over the job table. Crash-only: no shutdown path, every answer is durable.
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { flags, requireString, intFlag } from '../cli/args.js';
import { UsageError } from '../errors.js';
import { parseBugs } from './bugs.js';
import { isBusy } from './db.js';
import { openStore } from './store.js';
import { isUnavailable } from './unavailable.js';
import { connectRedis, Queue } from './queue.js';
import { HttpError, sendJson } from './http.js';
import { route, type ApiContext } from './routes.js';

const API_BUSY_TIMEOUT_MS = 500; // past this, answer 503 rather than make the client wait on a locked database

/** api --db PATH|URL --port N --data DIR [--redis URL] [--max-pending 1000] [--bug NAME]... */
export async function apiCommand(argv: string[]): Promise<void> {
  const { values } = flags('api', argv, {
    db: { type: 'string' }, port: { type: 'string' }, data: { type: 'string' }, redis: { type: 'string' },
    'max-pending': { type: 'string' }, bug: { type: 'string', multiple: true },
  });
  const dbPath = requireString('api', values, 'db');
  const dataDir = path.resolve(requireString('api', values, 'data'));
  if (values.port === undefined) throw new UsageError('api: --port is required (0 picks a free port)');
  const port = intFlag(values, 'port', 0);
  fs.mkdirSync(path.join(dataDir, 'out'), { recursive: true });
  const bugs = parseBugs(values.bug as string[] | undefined);
  const fsync = !bugs.has('no-fsync'); // PLANTED BUG no-fsync when false: a 201 is in the page cache only
  const ctx: ApiContext = {
    store: await openStore(dbPath, { busyTimeoutMs: API_BUSY_TIMEOUT_MS, waitForServer: true, log: console.error, fsync }),
    queue: typeof values.redis === 'string' ? new Queue(connectRedis(values.redis, console.error)) : null,
    dataDir,
    maxPending: intFlag(values, 'max-pending', 1000),
    bugs,
  };
  const server = http.createServer((req, res) => {
    route(ctx, req, res).catch((err: unknown) => answerError(req, res, err));
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    console.log(`listening on 127.0.0.1:${address.port}`);
  });
}

/** HttpErrors and an unavailable store or queue become answers; anything else is a bug, and the process crashes on it. */
function answerError(req: http.IncomingMessage, res: http.ServerResponse, err: unknown): void {
  if (res.destroyed || req.socket.destroyed) return; // the client went away mid-request: nobody to answer
  if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message }, err.headers);
  if (isBusy(err)) return sendJson(res, 503, { error: 'database is busy, retry shortly' }, { 'retry-after': '1' });
  if (isUnavailable(err)) {
    return sendJson(res, 503, { error: `the job store or queue is unavailable, retry shortly (${(err as Error).message})` }, { 'retry-after': '1' });
  }
  throw err;
}
