// The api's endpoints: create a conversion (idempotent), look jobs up, and the probes' views (stats, keys, health).
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bugs } from './bugs.js';
import { HttpError, sendJson, sendText, readJson, header } from './http.js';
import { newJob, JOB_STATES, type Job, type JobState } from './jobs.js';
import type { Store } from './store.js';
import type { Queue } from './queue.js';

/** queue: with --redis, new job ids are pushed there after the durable insert (else workers scan the store). */
export interface ApiContext { store: Store; queue: Queue | null; dataDir: string; maxPending: number; bugs: Bugs }

const ACK_BEFORE_COMMIT_DELAY_MS = 300;

export async function route(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const p = url.pathname;
  if (p === '/conversions' && req.method === 'POST') return createConversion(ctx, req, res);
  if (req.method !== 'GET') throw new HttpError(405, `${req.method} is not allowed on ${p}`);
  if (p === '/health') return sendJson(res, 200, { ok: true });
  if (p === '/stats') return sendJson(res, 200, await ctx.store.stats());
  if (p === '/keys') return sendText(res, 200, (await ctx.store.keysInState(stateParam(url))).map((k) => `${k}\n`).join(''));
  if (p === '/conversions') return sendJob(res, await lookupByKey(ctx.store, url));
  const m = /^\/conversions\/([^/]+)$/.exec(p);
  if (m) return sendJob(res, await ctx.store.findById(decodeURIComponent(m[1])));
  throw new HttpError(404, `no such endpoint: ${p}`);
}

/** POST /conversions {"source": "x.qcow2"} with Idempotency-Key (and optional X-Deadline, ms since epoch). */
async function createConversion(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const key = header(req, 'idempotency-key');
  if (!key) throw new HttpError(400, 'the Idempotency-Key header is required');
  checkDeadline(header(req, 'x-deadline'));
  const body = await readJson(req);
  if (typeof body.source !== 'string' || body.source === '') throw new HttpError(400, 'body needs "source": a path to a qcow2 file');
  const source = path.resolve(ctx.dataDir, body.source);
  const existing = await ctx.store.findByKey(key);
  if (existing) return answerExisting(res, existing, source);
  if ((await ctx.store.countInState('pending')) >= ctx.maxPending) {
    throw new HttpError(503, `overloaded: ${ctx.maxPending} conversions are already pending`, { 'retry-after': '1' });
  }
  const job = newJob(key, source, path.join(ctx.dataDir, 'out'));
  if (ctx.bugs.has('ack-before-commit')) {
    // PLANTED BUG ack-before-commit: the client hears "created" before the job is stored; a crash now loses it.
    sendJson(res, 201, job);
    setTimeout(() => void storeAndQueue(ctx, job), ACK_BEFORE_COMMIT_DELAY_MS);
    return;
  }
  const stored = await storeAndQueue(ctx, job);
  if (!stored.created) return answerExisting(res, stored.job, source);
  sendJson(res, 201, stored.job);
}

/** Durable insert first (committed and on disk), then the job id on the Redis queue. If the push fails the
 *  client hears 503 and retries (then 200); the reconciler queues the stored job anyway. */
async function storeAndQueue(ctx: ApiContext, job: Job): Promise<{ job: Job; created: boolean }> {
  const stored = await ctx.store.insertJob(job);
  if (stored.created && ctx.queue) await ctx.queue.push(job.id);
  return stored;
}

function answerExisting(res: ServerResponse, job: Job, source: string): void {
  if (job.source !== source) {
    throw new HttpError(422, `Idempotency-Key "${job.idempotency_key}" was already used for another source (${job.source})`);
  }
  sendJson(res, 200, job);
}

function checkDeadline(value: string | undefined): void {
  if (value === undefined) return;
  const deadline = Number(value);
  if (!Number.isFinite(deadline)) throw new HttpError(400, `X-Deadline must be milliseconds since the epoch, got "${value}"`);
  if (Date.now() > deadline) throw new HttpError(504, `deadline ${deadline} already passed; the request was not processed`);
}

async function lookupByKey(store: Store, url: URL): Promise<Job | undefined> {
  const key = url.searchParams.get('key');
  if (!key) throw new HttpError(400, 'GET /conversions needs ?key=IDEMPOTENCY_KEY');
  return store.findByKey(key);
}

function stateParam(url: URL): JobState | null {
  const state = url.searchParams.get('state');
  if (state === null) return null;
  if (!(JOB_STATES as readonly string[]).includes(state)) throw new HttpError(400, `state must be one of ${JOB_STATES.join(', ')}`);
  return state as JobState;
}

function sendJob(res: ServerResponse, job: Job | undefined): void {
  if (!job) throw new HttpError(404, 'no such conversion');
  sendJson(res, 200, job);
}
