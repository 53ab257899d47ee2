// verify: checks the store against the files, one printed line per violation, nothing when consistent (--state:
// new outputs plus a rotating sample of old ones). Exit 0 whenever it could look; non-zero only if it cannot run.
import { flags, intFlag, requireString } from '../cli/args.js';
import { UsageError } from '../errors.js';
import { compactOutput } from './compact.js';
import { checkOutput, type DigestMemo } from './output-check.js';
import { openStore, type CommitRow, type Store } from './store.js';
import { planReads } from './verify-plan.js';
import { emptyState, loadState, saveState } from './verify-state.js';

/** verify --db PATH|URL --data DIR [--state FILE [--sample N] [--full] [--compact]] */
export async function verifyCommand(argv: string[]): Promise<void> {
  const { values } = flags('verify', argv, {
    db: { type: 'string' }, data: { type: 'string' }, state: { type: 'string' }, sample: { type: 'string' },
    full: { type: 'boolean' }, compact: { type: 'boolean' },
  });
  const dbPath = requireString('verify', values, 'db');
  requireString('verify', values, 'data');
  const stateFile = typeof values.state === 'string' ? values.state : undefined;
  if (stateFile === undefined && (values.compact || values.sample !== undefined)) {
    throw new UsageError('verify: --compact and --sample need --state FILE (what earlier checks verified)');
  }
  const options: CheckOptions = { full: stateFile === undefined || values.full === true, sample: intFlag(values, 'sample', 8), compact: values.compact === true };
  let store: Store;
  try {
    store = await openStore(dbPath, { busyTimeoutMs: 10_000, mustExist: true });
  } catch (err) {
    console.error(`verify: cannot open the database ${dbPath}: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const state = stateFile === undefined ? emptyState() : loadState(stateFile);
  let lines: string[];
  try {
    lines = await violations(store, state, options);
  } catch (err) {
    console.error(`verify: cannot read the store ${dbPath}: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  if (stateFile !== undefined) saveState(stateFile, state);
  for (const line of lines) console.log(line);
}

/** How much one check reads (see verify-plan.ts); the default is a full check that remembers nothing. */
export interface CheckOptions { full: boolean; sample: number; compact: boolean }

/**
 * Reads one consistent snapshot of the store, then the outputs of done jobs the plan names (all of them in a full
 * check), then who committed what. `state` is updated: outputs found right are remembered, wrong ones forgotten
 * (so they are read, and reported, again by every later check).
 */
export async function violations(store: Store, state = emptyState(), o: CheckOptions = { full: true, sample: 0, compact: false }): Promise<string[]> {
  const snapshot = await store.snapshot();
  const plan = planReads(snapshot.done, state, o);
  const memo: DigestMemo = new Map();
  const out: string[] = [];
  const verified: Record<string, string> = {};
  for (const job of snapshot.done) if (state.verified[job.id] === job.checksum) verified[job.id] = job.checksum;
  for (const job of plan.read) {
    const reading = checkOutput(job, memo);
    if (reading.problem) {
      out.push(`job ${job.id} (key ${job.idempotency_key}) is done but ${reading.problem}`);
      delete verified[job.id];
      continue;
    }
    verified[job.id] = job.checksum!;
    if (o.compact) compactOutput(job, reading.identity!, state, memo);
  }
  state.verified = verified;
  state.cursor = plan.cursor;
  for (const job of snapshot.unleased) out.push(`job ${job.id} (key ${job.idempotency_key}) is running but has no lease`);
  for (const l of snapshot.stray) out.push(`lease on job ${l.job_id} held by ${l.worker}, but the job is ${l.state ?? 'missing'}`);
  for (const c of snapshot.stale) {
    out.push(`job ${c.job_id} (key ${c.idempotency_key}) was committed by attempt ${c.attempt} (${c.holder}) after attempt `
      + `${c.current_attempt} had taken it over: a worker committed without holding the lease`);
  }
  for (const [id, commits] of byJob(snapshot.repeated)) {
    const who = commits.map((c) => `attempt ${c.attempt} (${c.holder})`).join(', ');
    out.push(`job ${id} (key ${commits[0].idempotency_key}) was committed ${commits.length} times: ${who}`);
  }
  return out;
}

function byJob(rows: CommitRow[]): Map<string, CommitRow[]> {
  const jobs = new Map<string, CommitRow[]>();
  for (const r of rows) jobs.set(r.job_id, [...(jobs.get(r.job_id) ?? []), r]);
  return jobs;
}
