// Checks a value against report.json's schema (reportSchema.safeParse) and lists every problem with its
// path, in words: '$.run.seed: expected integer, got number', '$: missing required "summary"'.
import type { z } from 'zod';
import { reportSchema } from './schema.js';

// "$.faults[0].pid" for an issue's path.
function at(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}.${String(p)}`), '$');
}

// The JSON type name of a value, as the messages say it.
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

// One issue in words: missing, unexpected, wrong type, not one of the allowed values, else zod's message.
function describe(issue: z.core.$ZodIssue & { input?: unknown }): string[] {
  const parent = at(issue.path.slice(0, -1));
  const last = issue.path.at(-1);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && last !== undefined) return [`${parent}: missing required "${String(last)}"`];
      return [`${at(issue.path)}: expected ${issue.expected === 'int' ? 'integer' : issue.expected}, got ${typeOf(issue.input)}`];
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${at(issue.path)}: unexpected property "${key}"`);
    case 'invalid_value':
      if (issue.values.length === 1) return [`${at(issue.path)}: expected ${JSON.stringify(issue.values[0])}, got ${JSON.stringify(issue.input)}`];
      return [`${at(issue.path)}: ${JSON.stringify(issue.input)} is not one of ${JSON.stringify(issue.values)}`];
    default:
      return [`${at(issue.path)}: ${issue.message}`];
  }
}

// Validates a report.json document; an empty list means valid.
export function validateReport(value: unknown): string[] {
  const result = reportSchema.safeParse(value, { reportInput: true });
  return result.success ? [] : result.error.issues.flatMap(describe);
}
