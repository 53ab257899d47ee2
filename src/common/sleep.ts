// Abortable sleeps. An abort rejects (with the signal's AbortError, as node:timers/promises does), so
// the caller's next step does not run; callers for whom an abort is a normal end catch it.
import { setTimeout as delay } from 'node:timers/promises';

// Waits ms milliseconds (negative waits none); rejects at once if the signal is or becomes aborted.
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(Math.max(0, ms), undefined, { signal });
}

// Waits until performance.now() reaches deadlineMs; rejects at once if the signal is or becomes aborted.
export function sleepUntil(deadlineMs: number, signal?: AbortSignal): Promise<void> {
  return sleep(deadlineMs - performance.now(), signal);
}
