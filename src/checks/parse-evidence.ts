// Stored evidence read back into the Evidence union, checked once against the checker's schema, so a
// report never meets a shape it does not know (and a damaged row is reported where it is read).
import type { z } from 'zod';
import type { InvariantKind, Validity } from './checker.js';
import { crashEvidenceSchema, EVIDENCE_SCHEMAS, type Evidence } from './evidence.js';

/** A verdict as read back from the results database, its evidence parsed. */
export interface JudgedVerdict {
  name: string;
  kind: InvariantKind;
  valid: Validity;
  summary: string;
  evidence: Evidence;
}

// Where an issue is: "stalls[0].fromMs", or "(top)" for the evidence itself.
function where(path: readonly PropertyKey[]): string {
  const text = path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s === '' ? String(p) : `${s}.${String(p)}`), '');
  return text === '' ? '(top)' : text;
}

// "stalls[0].fromMs: Invalid input: expected number, received string" for each issue, at most five.
function issuesText(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, 5).map((i) => `${where(i.path)}: ${i.message}`);
  return lines.join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
}

// Whether kind names an invariant crashtest knows.
function isKind(kind: string): kind is InvariantKind {
  return Object.hasOwn(EVIDENCE_SCHEMAS, kind);
}

// The evidence of a verdict of this kind, from its JSON text (as stored) or its decoded value, tagged
// with its shape; a crashed checker's { error } is tagged 'crash'. Throws an Error naming the kind and
// every mismatch when the evidence fits neither, instead of letting a report trip over it later.
export function parseEvidence(kind: string, json: unknown): Evidence {
  if (!isKind(kind)) throw new Error(`unknown invariant kind "${kind}" (expected one of ${Object.keys(EVIDENCE_SCHEMAS).join(', ')})`);
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (err) {
      throw new Error(`${kind} evidence is not JSON (${(err as Error).message}): ${json.slice(0, 80)}`);
    }
  }
  const parsed = EVIDENCE_SCHEMAS[kind].safeParse(value);
  if (parsed.success) return { ...parsed.data, kind } as Evidence;
  const crashed = crashEvidenceSchema.safeParse(value);
  if (crashed.success) return { ...crashed.data, kind: 'crash' };
  throw new Error(`${kind} evidence does not have the ${kind} checker's shape: ${issuesText(parsed.error.issues)}`);
}

// A stored verdict with its evidence parsed; the error names the verdict when the evidence is bad.
export function parseVerdict(stored: { name: string; kind: string; valid: Validity; summary: string; evidence: unknown }): JudgedVerdict {
  try {
    const evidence = parseEvidence(stored.kind, stored.evidence);
    return { ...stored, kind: stored.kind as InvariantKind, evidence };
  } catch (err) {
    throw new Error(`verdict "${stored.name}": ${(err as Error).message}; run \`crashtest check <run>\` to judge the run again`);
  }
}
