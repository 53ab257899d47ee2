// The crash-only client against a real HTTP server: retries 5xx and refused connections with backoff,
// honours Retry-After, stops at 4xx, gives up at the deadline; every attempt recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { seededRandom } from '../../src/chaos/index.js';
import { backoffMs, httpTransport, parseRetryAfter, perform } from '../../src/workload/index.js';

function serve(handler: (n: number, headers: Record<string, unknown>) => [number, Record<string, string>?]): Promise<{ server: Server; url: string }> {
  let n = 0;
  const server = createServer((req, res) => {
    const [status, headers] = handler(++n, req.headers);
    res.writeHead(status, headers ?? {});
    res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

const spec = (url: string) => ({ method: 'POST' as const, url, headers: {}, idempotency_header: 'Idempotency-Key', deadline_header: 'X-Deadline' });
const options = (url: string) => ({
  transport: httpTransport(spec(url)), rules: { baseMs: 10, capMs: 50 }, attemptTimeoutMs: 500, random: seededRandom(1), now: () => performance.now(),
});

test('503 with Retry-After is retried after the time the server asked for, with the same key', async () => {
  const keys: unknown[] = [];
  const { server, url } = await serve((n, headers) => { keys.push(headers['idempotency-key']); return n < 3 ? [503, { 'Retry-After': '0.2' }] : [201]; });
  try {
    const started = Date.now();
    const op = await perform({ seq: 1, key: 'k-1', uuid: 'u', deadlineEpochMs: Date.now() + 5000 }, options(url));
    assert.equal(op.outcome, 'acked');
    assert.deepEqual(op.attempts.map((a) => a.outcome), ['503', '503', '201']);
    assert.ok(Date.now() - started >= 400, 'waited Retry-After twice');
    assert.deepEqual(keys, ['k-1', 'k-1', 'k-1']);
  } finally {
    server.close();
  }
});

test('a 4xx is rejected at once, not retried', async () => {
  const { server, url } = await serve(() => [400]);
  try {
    const op = await perform({ seq: 2, key: 'k-2', uuid: 'u', deadlineEpochMs: Date.now() + 5000 }, options(url));
    assert.equal(op.outcome, 'rejected');
    assert.equal(op.attempts.length, 1);
    assert.equal(op.detail, '400');
  } finally {
    server.close();
  }
});

test('a refused connection is retried until the deadline, then given up', async () => {
  const { server, url } = await serve(() => [200]);
  await new Promise((resolve) => server.close(resolve));
  const op = await perform({ seq: 3, key: 'k-3', uuid: 'u', deadlineEpochMs: Date.now() + 300 }, options(url));
  assert.equal(op.outcome, 'gave_up');
  assert.ok(op.attempts.length >= 3, `${op.attempts.length} attempts`);
  assert.equal(op.attempts[0].outcome, 'ECONNREFUSED');
  assert.match(op.detail!, /^deadline reached after \d+ attempts \(last: ECONNREFUSED\)$/);
  assert.ok(op.endMs - op.startMs < 400);
});

test('full-jitter backoff stays within [0, min(cap, base·2^n)] and Retry-After parses seconds and dates', () => {
  const random = seededRandom(7);
  for (let attempt = 0; attempt < 12; attempt++) {
    const delay = backoffMs(attempt, { baseMs: 50, capMs: 2000 }, random);
    assert.ok(delay >= 0 && delay <= Math.min(2000, 50 * 2 ** attempt), `attempt ${attempt}: ${delay}`);
  }
  assert.equal(parseRetryAfter('3', 0), 3000);
  assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6_000);
  assert.equal(parseRetryAfter('soon', 0), undefined);
  assert.equal(parseRetryAfter(null, 0), undefined);
});
