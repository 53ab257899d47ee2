// One attempt of an operation over HTTP or as a command, classified as acknowledged, rejected
// (a 4xx: retrying cannot help) or retryable (refused, reset, timeout, 5xx, 408, 429, a failed command).
import { execa } from 'execa';
import { fillOperation, type WorkloadSpec } from '../scenario/index.js';

/** What a single attempt came to. */
export type AttemptResult =
  | { kind: 'ack'; detail: string }
  | { kind: 'reject'; detail: string }
  | { kind: 'retry'; detail: string; retryAfter?: string | null };

/** The identity of one operation: its sequence number, idempotency key, deadline. */
export interface Operation {
  seq: number;
  key: string;
  uuid: string;
  deadlineEpochMs: number;
}

export type Transport = (op: Operation, timeoutMs: number) => Promise<AttemptResult>;

/** HTTP: the key in the idempotency header, the deadline in the deadline header. */
export function httpTransport(spec: NonNullable<WorkloadSpec['http']>): Transport {
  return async (op, timeoutMs) => {
    const fill = (text: string): string => fillOperation(text, op);
    try {
      const response = await fetch(fill(spec.url), {
        method: spec.method,
        headers: { ...spec.headers, [spec.idempotency_header]: op.key, [spec.deadline_header]: String(op.deadlineEpochMs) },
        body: spec.body === undefined ? undefined : fill(spec.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = (await response.text()).slice(0, 200);
      const detail = `${response.status}${text ? ` ${text.trim()}` : ''}`;
      if (response.ok) return { kind: 'ack', detail: String(response.status) };
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        return { kind: 'retry', detail, retryAfter: response.headers.get('retry-after') };
      }
      return { kind: 'reject', detail };
    } catch (error) {
      return { kind: 'retry', detail: networkError(error) };
    }
  };
}

/** Command: exit 0 acknowledges, a reject code rejects, anything else is retried. */
export function commandTransport(spec: { command: string | string[]; rejectCodes: number[]; cwd: string }): Transport {
  return async (op, timeoutMs) => {
    const fill = (text: string): string => fillOperation(text, op);
    const argv = typeof spec.command === 'string' ? [fill(spec.command)] : spec.command.map(fill);
    const env = { CRASHTEST_KEY: op.key, CRASHTEST_SEQ: String(op.seq), CRASHTEST_DEADLINE_MS: String(op.deadlineEpochMs) };
    const result = await execa(argv[0], argv.slice(1), { shell: typeof spec.command === 'string', cwd: spec.cwd, env, reject: false, timeout: timeoutMs, stdin: 'ignore' });
    if (result.exitCode === 0) return { kind: 'ack', detail: 'exit 0' };
    const detail = result.timedOut ? 'timeout' : result.signal ? `killed by ${result.signal}` : `exit ${result.exitCode}`;
    if (result.exitCode !== undefined && spec.rejectCodes.includes(result.exitCode)) return { kind: 'reject', detail };
    return { kind: 'retry', detail };
  };
}

function networkError(error: unknown): string {
  const err = error as { name?: string; cause?: { code?: string }; message?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timeout';
  return err.cause?.code ?? err.message ?? 'network error';
}
