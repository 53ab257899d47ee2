// Literal report inputs for the report tests: a small history with kills, an exit of its own, a few
// operations and probe readings, and verdicts that pass, fail and cannot tell (no processes involved).
import type { History, StoredVerdict, UsageSample } from '../../src/store/index.js';
import type { ReportInput } from '../../src/report/index.js';
import { parseVerdict, type JudgedVerdict } from '../../src/checks/index.js';

/** A small run of "shop": api.0 and worker.0, two kills fired, one skipped, worker.0 exits on its own once. */
export function literalHistory(name = 'shop'): History {
  return {
    run: {
      id: '20260101-000000-abcd', name, scenarioPath: '/tmp/shop.yml', seed: 7, chaos: true, status: 'failed',
      startedAt: '2026-01-01T00:00:00.000Z', durationMs: 10_000, chaosStartMs: 100, quietStartMs: 7_500, endMs: 10_200, exitCode: 1,
      command: 'npx crashtest run shop.yml --seed 7 --duration 10000ms --interval 2000ms',
    },
    instances: [
      { component: 'api', instance: 'api.0', generation: 1, pid: 101, spawnedMs: 5, readyMs: 60, endedMs: 2_100, exitCode: null, signal: 'SIGKILL', cause: 'chaos' },
      { component: 'api', instance: 'api.0', generation: 2, pid: 102, spawnedMs: 2_110, readyMs: 2_300, endedMs: 10_150, exitCode: null, signal: 'SIGKILL', cause: 'teardown' },
      { component: 'worker', instance: 'worker.0', generation: 1, pid: 201, spawnedMs: 70, readyMs: 90, endedMs: 3_000, exitCode: 3, signal: null, cause: 'self' },
      { component: 'worker', instance: 'worker.0', generation: 2, pid: 202, spawnedMs: 3_100, readyMs: 3_150, endedMs: 4_100, exitCode: null, signal: 'SIGKILL', cause: 'chaos' },
      { component: 'worker', instance: 'worker.0', generation: 3, pid: 203, spawnedMs: 4_110, readyMs: null, endedMs: 10_150, exitCode: null, signal: 'SIGKILL', cause: 'teardown' },
    ],
    faults: [
      { seq: 1, scheduledMs: 2_100, firedMs: 2_100.5, instance: 'api.0', component: 'api', kind: 'kill', pid: 101, signal: 'SIGKILL', why: null, armed: null, healedMs: null, victims: [], skipped: null, restartedMs: 2_110, readyMs: 2_300 },
      { seq: 2, scheduledMs: 4_100, firedMs: 4_100.2, instance: 'worker.0', component: 'worker', kind: 'kill', pid: 202, signal: 'SIGKILL', why: null, armed: null, healedMs: null, victims: [], skipped: null, restartedMs: 4_110, readyMs: null },
      { seq: 3, scheduledMs: 6_100, firedMs: null, instance: 'api.0', component: 'api', kind: 'kill', pid: null, signal: 'SIGKILL', why: null, armed: null, healedMs: null, victims: [], skipped: 'api.0 is not running', restartedMs: null, readyMs: null },
    ],
    ops: [
      { seq: 1, key: 'k1', startMs: 200, endMs: 210, outcome: 'acked', ackMs: 210, attempts: [{ t: 200, outcome: '201', latencyMs: 10 }] },
      { seq: 2, key: 'k2', startMs: 2_050, endMs: 2_400, outcome: 'acked', ackMs: 2_400, attempts: [{ t: 2_050, outcome: 'ECONNRESET', latencyMs: 50 }, { t: 2_380, outcome: '201', latencyMs: 20 }] },
      { seq: 3, key: 'k3', startMs: 4_200, endMs: 7_200, outcome: 'gave_up', attempts: [{ t: 4_200, outcome: 'ECONNREFUSED', latencyMs: 1 }] },
      { seq: 4, key: 'k4', startMs: 5_000, endMs: 5_010, outcome: 'rejected', attempts: [{ t: 5_000, outcome: '400', latencyMs: 10 }], detail: 'bad request' },
    ],
    samples: [
      { probe: 'done', t: 1_000, final: false, value: 1 },
      { probe: 'done', t: 2_000, final: false, value: 2 },
      { probe: 'done', t: 3_000, final: false, error: 'ECONNREFUSED' },
      { probe: 'done', t: 9_000, final: false, value: 3 },
      { probe: 'keys', t: 10_100, final: true, items: ['k1'] },
    ],
    inFlight: [],
    usage: [],
    events: [{ type: 'run.started', t: 0, runId: '20260101-000000-abcd', seed: 7, chaos: true }],
  };
}

/** Verdicts with awkward text: markup, ampersands, quotes and a CDATA terminator. */
export function literalVerdicts(): StoredVerdict[] {
  return [
    { name: 'progress', kind: 'progress', valid: false, summary: 'stalled 1 time, longest 6 s (limit 2 s)',
      evidence: { fromMs: 100, toMs: 7_500, increases: 2, samples: 4, errors: 1, stalls: [{ fromMs: 2_000, toMs: 9_000, durationMs: 7_000, faults: [{ seq: 2, instance: 'worker.0', firedMs: 4_100.2 }] }] } },
    { name: 'no_loss', kind: 'no_loss', valid: false, summary: 'lost 1 of 2 acknowledged writes (first "k2" <b>&</b> \'x\' ]]> end)',
      evidence: { acked: 2, present: 1, lost: 1, finalMs: 10_100, missing: [{ key: 'k2</script><script>alert(1)</script>', ackMs: 2_400, faultsAfter: [] }] } },
    { name: 'consistency', kind: 'consistency', valid: 'unknown', summary: 'all 3 samples of probe "bad" failed (exit 1)',
      evidence: { checks: 0, violating: 0, violations: [], errors: 3 } },
    { name: 'recovery', kind: 'recovery', valid: true, summary: '1 fault recovered, slowest 200 ms (limit 5 s)',
      evidence: { withinMs: 5_000, perFault: [], perComponent: {}, overLimit: 0, neverRecovered: 0, undetermined: 0, unreadable: 0 } },
  ];
}

/** The literal verdicts as a report reads them back: evidence parsed (the recovery one predates "superseded"). */
export function literalJudged(): JudgedVerdict[] {
  return literalVerdicts().map(parseVerdict);
}

/** CPU/RSS of both instances once a second. */
export function literalUsage(): UsageSample[] {
  const out: UsageSample[] = [];
  for (let t = 1_000; t <= 10_000; t += 1_000) {
    out.push({ t, instance: 'api.0', pid: t < 2_100 ? 101 : 102, cpu: 10 + t / 1_000, rss: 50 * 1048576 });
    out.push({ t: t + 3, instance: 'worker.0', pid: 202, cpu: 5, rss: 30 * 1048576 });
  }
  return out;
}

/** The whole literal input; the scenario names "done" as the progress probe. */
export function literalInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    history: literalHistory(), verdicts: literalJudged(), usage: literalUsage(),
    scenario: { name: 'shop', invariants: { progress: { probe: 'done', window: 2_000 }, no_loss: { probe: 'keys' } } },
    version: '0.1.0', excerpts: [], ...overrides,
  };
}
