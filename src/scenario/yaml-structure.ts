// Problems in the shape of a YAML document that yaml would only hit while building the value (or never):
// duplicate keys, lists or mappings as keys, an alias before its anchor or inside it, absurd nesting. One walk, no recursion.
import { isAlias, isCollection, isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';

/** Deepest nesting accepted: a scenario needs about six levels; thousands would overflow the stack later on. */
export const MAX_DEPTH = 64;

/** A problem at an offset of the text. */
export interface Located {
  offset: number;
  message: string;
}

interface Frame {
  node: Node;
  depth: number;
  /** anchors of the nodes that contain this one */
  inside: readonly string[];
}

/** Every structural problem, in document order (only the first of a too deep branch). */
export function structureProblems(doc: Document, lines: LineCounter): Located[] {
  const found: Located[] = [];
  const anchors = new Set<string>();
  const stack: Frame[] = doc.contents ? [{ node: doc.contents as Node, depth: 1, inside: [] }] : [];
  while (stack.length > 0) {
    const { node, depth, inside } = stack.pop()!;
    const offset = node.range?.[0] ?? 0;
    if (isAlias(node)) {
      if (!anchors.has(node.source)) found.push({ offset, message: `*${node.source}: no anchor &${node.source} before this alias` });
      else if (inside.includes(node.source)) found.push({ offset, message: `*${node.source}: the alias is inside its own anchor &${node.source}, a value that contains itself` });
      continue;
    }
    if (node.anchor) anchors.add(node.anchor);
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) {
      found.push({ offset, message: `nested more than ${MAX_DEPTH} levels deep (a scenario needs a few)` });
      continue;
    }
    if (isMap(node)) found.push(...duplicateKeys(node.items, lines), ...complexKeys(node.items));
    const within = node.anchor ? [...inside, node.anchor] : inside;
    const children = node.items.flatMap((item) => (isPair(item) ? [item.key, item.value] : [item])).filter((child): child is Node => !!child && typeof child === 'object');
    for (const child of children.reverse()) stack.push({ node: child, depth: depth + 1, inside: within });
  }
  return found;
}

// Linear, where yaml's own uniqueKeys compares every pair of keys.
function duplicateKeys(items: readonly unknown[], lines: LineCounter): Located[] {
  const found: Located[] = [];
  const seen = new Map<unknown, Node>();
  for (const pair of items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const first = seen.get(pair.key.value);
    if (!first) {
      seen.set(pair.key.value, pair.key);
      continue;
    }
    const firstLine = lines.linePos(first.range?.[0] ?? 0).line;
    found.push({ offset: pair.key.range?.[0] ?? 0, message: `${String(pair.key.value)}: duplicate key (first on line ${firstLine})` });
  }
  return found;
}

// A list or mapping used as a key (`? [a, b]: x`) has no place in a scenario; yaml would turn it into text.
function complexKeys(items: readonly unknown[]): Located[] {
  return items.flatMap((pair) => (isPair(pair) && isCollection(pair.key)
    ? [{ offset: (pair.key as Node).range?.[0] ?? 0, message: `a ${isMap(pair.key) ? 'mapping' : 'list'} used as a key: keys are plain words` }]
    : []));
}
