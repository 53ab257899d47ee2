// Reads a scenario file's YAML without letting the file hurt crashtest: a bounded size, no NUL bytes,
// unique keys checked in linear time, aliases that exist and do not expand exponentially; problems located.
import { readFileSync, statSync } from 'node:fs';
import { isAlias, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { locate, type PathSegment } from './locate.js';
import { MAX_DEPTH, structureProblems } from './yaml-structure.js';

/** A scenario is a few kilobytes; parsing grows faster than the file, so a file past this is refused. */
export const MAX_SCENARIO_BYTES = 256 * 1024;

/** How far aliases may expand (yaml's maxAliasCount): plenty for sharing a block, far too little for a "billion laughs". */
const MAX_ALIAS_COUNT = 100;

/** The parsed file: the YAML document with positions, and its plain value. */
export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
  value: unknown;
}

/** Reads and parses `absolute`; returns the document, or every problem as `shown:line:col what`. */
export function readYaml(absolute: string, shown: string): ParsedYaml | { problems: string[] } {
  const text = readBounded(absolute, shown);
  if (typeof text !== 'string') return text;
  const lines = new LineCounter();
  const at = (offset: number): string => {
    const { line, col } = lines.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    const col = nul - text.lastIndexOf('\n', nul - 1);
    return { problems: [`${shown}:${line}:${col} a NUL byte: a scenario is text (is this the right file?)`] };
  }
  // uniqueKeys: false because yaml compares every pair of keys of a map; duplicates are found below in one pass.
  // logLevel 'error': yaml's warnings would go to stderr as Node warnings; what they warn about is refused below.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  if (doc.errors.length > 0) return { problems: doc.errors.map((error) => `${at(error.pos[0])} ${yamlMessage(error.message)}`) };
  const structural = structureProblems(doc, lines).map(({ offset, message }) => `${at(offset)} ${message}`);
  if (structural.length > 0) return { problems: structural };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    // yaml counts the copies an alias makes, nested ones multiplied; past the limit it stops with an error.
    if (!(error instanceof ReferenceError)) throw error;
    const first = firstAlias(doc);
    const name = isAlias(first) ? `*${first.source}: ` : '';
    return { problems: [`${at(first?.range?.[0] ?? 0)} ${name}aliases expand exponentially (more than ${MAX_ALIAS_COUNT} copies): write the values out, or alias a block once`] };
  }
  const escapedNul = nulPaths(value, []).map((path) => {
    const { line, col } = locate(doc, lines, path);
    return `${shown}:${line}:${col} ${path.join('.')}: contains a NUL character ("\\0"), which no argument, path or variable can hold`;
  });
  return escapedNul.length > 0 ? { problems: escapedNul } : { doc, lines, value };
}

// yaml reports its own stack overflow on absurd nesting as a parse error; say what it means.
function yamlMessage(message: string): string {
  return /call stack/i.test(message) ? `nested too deeply (a scenario needs a few levels, at most ${MAX_DEPTH})` : message.split('\n')[0];
}

function readBounded(absolute: string, shown: string): string | { problems: string[] } {
  try {
    const stats = statSync(absolute);
    if (stats.isDirectory()) return { problems: [`${shown}: a folder, not a scenario file`] };
    if (stats.size > MAX_SCENARIO_BYTES) {
      return { problems: [`${shown}: the file is ${kilobytes(stats.size)}; a scenario file is at most ${kilobytes(MAX_SCENARIO_BYTES)} (is this the right file?)`] };
    }
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problems: [`${shown}: cannot read the scenario file (${code === 'ENOENT' ? 'no such file' : code})`] };
  }
}

function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function firstAlias(doc: Document): Node | undefined {
  let first: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      first = node;
      return visit.BREAK;
    },
  });
  return first;
}

function nulPaths(value: unknown, at: PathSegment[]): PathSegment[][] {
  if (typeof value === 'string') return value.includes('\0') ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, [...at, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (key.includes('\0') ? [[...at, key]] : nulPaths(item, [...at, key])));
  }
  return [];
}
