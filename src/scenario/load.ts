// Reads a scenario file: YAML with positions → validated Scenario, or a ScenarioError whose
// every line reads `file:line:col key.path: what was expected (did you mean …?)`.
import path from 'node:path';
import { ScenarioError } from '../errors.js';
import { locate, type PathSegment } from './locate.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { readYaml } from './read-yaml.js';
import { describeIssue } from './issue-message.js';
import { checkReferences } from './references.js';
import { checkFeasibility } from './feasibility.js';
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
  const parsed = readYaml(absolute, shown);
  if ('problems' in parsed) throw scenarioError(shown, parsed.problems);
  const { doc, lines, value } = parsed;
  const result = scenarioSchema.safeParse(value);
  if (!result.success) throw scenarioError(shown, result.error.issues.map((issue) => describeIssue(issue, { ...parsed, shown })));
  const where = (at: readonly PathSegment[]): string => {
    const { line, col } = locate(doc, lines, at);
    return `${shown}:${line}:${col}`;
  };
  const dir = path.dirname(absolute);
  // References are filled with dry values here: the environment is checked when it is known (run, validate).
  const { problems: unfilled } = fillScenario(result.data, dryValues(result.data, dir, undefined));
  const crossProblems = [...checkReferences(result.data), ...checkFeasibility(result.data), ...unfilled];
  const located = crossProblems.map(({ path: at, message }) => `${where(at)} ${at.join('.')}: ${message}`);
  if (located.length > 0) throw scenarioError(shown, located);
  return { scenario: result.data, file: absolute, dir, shown, where };
}

/** One ScenarioError for a list of located problems: the problem itself when alone, else a count and the list. */
export function scenarioError(shown: string, problems: string[]): ScenarioError {
  const unique = [...new Set(problems)];
  const head = unique.length === 1 ? unique[0] : `${shown}: ${unique.length} problems in the scenario`;
  return new ScenarioError(head, unique.length === 1 ? undefined : unique.slice(0, 20).join('\n'));
}
