// What an incremental verify remembers between checks: the done jobs whose output it has read and found right,
// where its rotating re-read of old outputs stopped, and (with --compact) one output file per checksum.
import fs from 'node:fs';

export interface VerifyState {
  /** job id → the checksum its output was last found to have (only outputs found right are listed) */
  verified: Record<string, string>;
  /** the id of the last old output re-read; the next check re-reads the ids after it, wrapping around */
  cursor: string;
  /** --compact: checksum → the output file every other right output with that checksum is a hard link to */
  canonical: Record<string, string>;
}

export function emptyState(): VerifyState {
  return { verified: {}, cursor: '', canonical: {} };
}

/** A missing file is a first check; a torn or foreign file is a first check too (verify then reads everything). */
export function loadState(file: string): VerifyState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return emptyState();
  }
  try {
    const s = JSON.parse(text) as Partial<VerifyState>;
    return { verified: s.verified ?? {}, cursor: s.cursor ?? '', canonical: s.canonical ?? {} };
  } catch {
    return emptyState();
  }
}

/** Written to a temp file then renamed: a verify killed mid-way leaves the previous state, never half of one. */
export function saveState(file: string, state: VerifyState): void {
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, JSON.stringify(state));
  fs.renameSync(temp, file);
}
