// Reads a scenario file: YAML with positions → validated Scenario, or a ScenarioError whose
// every line reads `file:line:col key.path: what was expected (did you mean …?)`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ScenarioError } from '../errors.js';
import { allowedKeys, locate, type PathSegment } from './locate.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { suggestSimilar } from './suggest.js';
import { checkReferences } from './references.js';
import { dryValues, fillScenario } from './fill.js';

/** A validated scenario and where it came from. */
export interface LoadedScenario {
  scenario: Scenario;
  /** absolute path of the file */
  file: string;
  /** its folder: the default working directory of components */
  dir: string;
  /** the file as the user named it (relative to the working directory), for messages */
  shown: string;
  /** "file:line:col" of the YAML node at a path of the scenario (or its nearest parent) */
  where(at: readonly PathSegment[]): string;
}

/** Loads and validates a scenario file; throws ScenarioError (exit 2) listing every problem found. */
export function loadScenario(file: string): LoadedScenario {
  const absolute = path.resolve(file);
  const shown = path.relative(process.cwd(), absolute) || absolute;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError(`${shown}: cannot read the scenario file (${code === 'ENOENT' ? 'no such file' : code})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const at = lines.linePos(error.pos[0]);
      return `${shown}:${at.line}:${at.col} ${error.message.split('\n')[0]}`;
    });
    throw scenarioError(shown, problems);
  }
  const result = scenarioSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => describeIssue(issue, doc, lines, shown));
    throw scenarioError(shown, problems);
  }
  const where = (at: readonly PathSegment[]): string => {
    const { line, col } = locate(doc, lines, at);
    return `${shown}:${line}:${col}`;
  };
  const dir = path.dirname(absolute);
  // References are filled with dry values here: the environment is checked when it is known (run, validate).
  const { problems: unfilled } = fillScenario(result.data, dryValues(result.data, dir, undefined));
  const referenceProblems = [...checkReferences(result.data), ...unfilled].map(({ path: at, message }) => `${where(at)} ${at.join('.')}: ${message}`);
  if (referenceProblems.length > 0) throw scenarioError(shown, referenceProblems);
  return { scenario: result.data, file: absolute, dir, shown, where };
}

/** One ScenarioError for a list of located problems: the problem itself when alone, else a count and the list. */
export function scenarioError(shown: string, problems: string[]): ScenarioError {
  const unique = [...new Set(problems)];
  const head = unique.length === 1 ? unique[0] : `${shown}: ${unique.length} problems in the scenario`;
  return new ScenarioError(head, unique.length === 1 ? undefined : unique.slice(0, 20).join('\n'));
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter, shown: string): string {
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
  const { line, col } = locate(doc, lines, at);
  const key = at.length > 0 ? at.join('.') : '(top level)';
  return `${shown}:${line}:${col} ${key}: ${issueMessage(issue, doc, at)}`;
}

function issueMessage(issue: z.core.$ZodIssue, doc: Document, at: PathSegment[]): string {
  const value = doc.getIn(at);
  if (issue.code === 'invalid_type') {
    if (value === undefined) return `required key is missing (expected ${issue.expected})`;
    return `expected ${issue.expected}, got ${describeValue(value)}`;
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
    const guess = typeof value === 'string' ? suggestSimilar(value, issue.values.map(String)) : undefined;
    return `expected one of ${allowed}, got ${describeValue(value)}${guess ? ` (did you mean "${guess}"?)` : ''}`;
  }
  if (value === undefined) return `required key is missing (expected ${unionExpectation(at)})`;
  if (issue.code === 'invalid_union') return `expected ${unionExpectation(at)}, got ${describeValue(value)}`;
  return issue.message;
}

function unionExpectation(at: PathSegment[]): string {
  const last = at[at.length - 1];
  if (last === 'command') return 'a command string or a list of strings';
  if (last === 'port') return '"auto" or a port number';
  return 'a duration like "500ms", "10s" or "2m"';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
