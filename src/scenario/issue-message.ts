// Turns a zod issue into the line a person reads: `file:line:col key.path: expected …, got …`,
// in the scenario's words (a list, a mapping, a string, .inf), never zod's ("object", "Invalid input").
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { allowedKeys, locate, type PathSegment } from './locate.js';
import { scenarioSchema } from './schema.js';
import { suggestSimilar } from './suggest.js';
import { describeValue } from './describe-value.js';

/** Where the file is, for locating an issue. */
export interface IssueSource {
  doc: Document;
  lines: LineCounter;
  /** the file's plain value, as validated */
  value: unknown;
  /** the file as the user named it */
  shown: string;
}

/** One located line (several for unknown keys, one per key). */
export function describeIssue(issue: z.core.$ZodIssue, source: IssueSource): string {
  const { doc, lines, shown } = source;
  const at = issue.path as PathSegment[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const { line, col } = locate(doc, lines, at, key);
        const allowed = allowedKeys(scenarioSchema, at);
        const guess = suggestSimilar(key, allowed);
        const hint = guess ? `did you mean "${guess}"?` : `expected one of: ${allowed.join(', ')}`;
        return `${shown}:${line}:${col} ${[...at, key].join('.')}: unknown key (${hint})`;
      })
      .join('\n');
  }
  // A record key that breaks its rule (a probe name) is pointed at as a key, not as its value.
  const { line, col } = issue.code === 'invalid_key' ? locate(doc, lines, at.slice(0, -1), String(at[at.length - 1])) : locate(doc, lines, at);
  const key = at.length > 0 ? at.join('.') : '(top level)';
  return `${shown}:${line}:${col} ${key}: ${issueMessage(issue, valueAt(source.value, at))}`;
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  const got = describeValue(value);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `required key is missing (expected ${typeName(issue.expected)})`;
      return `expected ${typeName(issue.expected)}, got ${got}`;
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      if (value === undefined) return `required key is missing (expected one of ${allowed})`;
      const guess = typeof value === 'string' ? suggestSimilar(value, issue.values.map(String)) : undefined;
      return `expected one of ${allowed}, got ${got}${guess ? ` (did you mean "${guess}"?)` : ''}`;
    }
    case 'invalid_union': {
      const expected = unionExpectation(issue);
      return value === undefined ? `required key is missing (expected ${expected})` : `expected ${expected}, got ${got}`;
    }
    case 'invalid_key':
      return `${issue.issues.map((inner) => inner.message).join('; ')}, got ${JSON.stringify(issue.path[issue.path.length - 1])}`;
    case 'too_small':
      return `expected ${bound(issue.origin, 'at least', 'more than', issue.minimum, issue.inclusive)}, got ${got}`;
    case 'too_big':
      return `expected ${bound(issue.origin, 'at most', 'less than', issue.maximum, issue.inclusive)}, got ${got}`;
    case 'invalid_format':
      return `${issue.message.startsWith('expected') ? issue.message : `expected ${issue.format}`}, got ${got}`;
    default:
      return issue.message;
  }
}

/** A union says what it expects with its own `error`; otherwise the alternatives' types are listed. */
function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  const kinds = issue.errors.map((alternative) => {
    const first = alternative[0];
    if (first?.code === 'invalid_type') return typeName(first.expected);
    if (first?.code === 'invalid_value') return first.values.map((v) => JSON.stringify(v)).join(' or ');
    return 'another value';
  });
  const unique = [...new Set(kinds)];
  return unique.length > 1 ? `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}` : unique[0] ?? 'another value';
}

function typeName(expected: string): string {
  const names: Record<string, string> = { object: 'a mapping', record: 'a mapping', map: 'a mapping', array: 'a list', string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false' };
  return names[expected] ?? expected;
}

function bound(origin: string, inclusiveWord: string, strictWord: string, limit: number | bigint, inclusive = true): string {
  const word = inclusive ? inclusiveWord : strictWord;
  if (origin === 'array') return `${word} ${limit} item${Number(limit) === 1 ? '' : 's'}`;
  if (origin === 'string') return Number(limit) === 1 && inclusive ? 'a non-empty string' : `${word} ${limit} characters`;
  return `${word} ${limit}`;
}

function valueAt(root: unknown, at: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of at) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
