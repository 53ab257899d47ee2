// The client: requests with a deadline and an idempotency key, retried with backoff, recorded as operations.
export { startWorkload, type Workload, type WorkloadOptions } from './driver.js';
export { perform, type ClientOptions } from './client.js';
export { backoffMs, parseRetryAfter, nextDelayMs, type RetryRules } from './retry.js';
export { httpTransport, commandTransport, type Transport, type AttemptResult, type Operation } from './transport.js';
