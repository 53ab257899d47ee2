// verify: checks the store against the files, one printed line per violation, nothing when consistent.
// Exit 0 whenever it could look; non-zero only when it cannot run at all (no database, unreadable store).
import fs from 'node:fs';
import { flags, requireString } from '../cli/args.js';
import { digestRawFile } from '../convert/file.js';
import type { Job } from './jobs.js';
import { openStore, type CommitRow, type Store } from './store.js';

/** verify --db PATH|URL --data DIR */
export async function verifyCommand(argv: string[]): Promise<void> {
  const { values } = flags('verify', argv, { db: { type: 'string' }, data: { type: 'string' } });
  const dbPath = requireString('verify', values, 'db');
  requireString('verify', values, 'data');
  let store: Store;
  try {
    store = await openStore(dbPath, { busyTimeoutMs: 10_000, mustExist: true });
  } catch (err) {
    console.error(`verify: cannot open the database ${dbPath}: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  let lines: string[];
  try {
    lines = await violations(store);
  } catch (err) {
    console.error(`verify: cannot read the store ${dbPath}: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  for (const line of lines) console.log(line);
}

/** Reads one consistent snapshot of the store, then checks the files of done jobs; then who committed what. */
export async function violations(store: Store): Promise<string[]> {
  const snapshot = await store.snapshot();
  const out: string[] = [];
  for (const job of snapshot.done) {
    const problem = outputProblem(job);
    if (problem) out.push(`job ${job.id} (key ${job.idempotency_key}) is done but ${problem}`);
  }
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

function outputProblem(job: Job): string | null {
  if (!job.checksum) return 'has no checksum';
  if (!fs.existsSync(job.output)) return `its output ${job.output} is missing`;
  const actual = digestRawFile(job.output);
  return actual === job.checksum ? null : `its output ${job.output} has checksum ${actual}, expected ${job.checksum}`;
}
