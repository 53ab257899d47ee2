// Seeded mutants of a valid scenario: keys dropped, duplicated, misspelt or added, values swapped for edge
// values, lists and mappings swapped, aliases added, text damaged. Same seed and source, same mutant.
import { isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { seededRandom, type Random } from '../../../src/chaos/index.js';

/** Values where validators break: zero, negative, huge, empty, NUL, half references, long text. */
const EDGE_VALUES: readonly unknown[] = [
  0, -1, 1e99, 2 ** 31, 0.3, -0.5, '', '\0', 'a\0b', '${', '${run.dir', '${components.api.port.extra}', '${nope.x}', '${env.NOT_SET}',
  '${self.port}', Infinity, -Infinity, NaN, null, true, false, '0ms', '0.0001s', '1000h', '1e99', '596h', 'x'.repeat(10_000), '*', '(', '[a-',
  'auto', 65535, 65536, 'tag:', 'worker*', '== 0', 'SIGKILL', [], {}, [[[]]], { a: { b: { c: 1 } } },
];

const TEXT_JUNK = ['\0', '\t', ':', '- ', '{', '[', '"', "'", '*x', '&', '!!binary ', '? ', '%YAML 1.1\n', '---\n', '\n  ', '${'];

type Edit = (doc: Document, random: Random) => void;

/** One mutant: 1 to 3 edits of the document, sometimes damage to the text itself. */
export function mutate(source: string, seed: number): string {
  const random = seededRandom(seed);
  const doc = parseDocument(source);
  const edits = 1 + random.int(0, 2);
  for (let i = 0; i < edits; i++) pick(random, EDITS)(doc, random);
  let text = doc.toString({ lineWidth: 0, verifyAliasOrder: false });
  if (random.int(0, 5) === 0) text = damageText(text, random);
  return text;
}

// Value swaps come first and most often: they reach the checks after the schema; aliases are rarer.
const EDITS: Edit[] = [
  (doc, random) => replaceValue(doc, random, () => doc.createNode(pick(random, EDGE_VALUES))),
  (doc, random) => replaceValue(doc, random, () => doc.createNode(pick(random, EDGE_VALUES))),
  (doc, random) => replaceValue(doc, random, () => doc.createNode(pick(random, EDGE_VALUES))),
  (doc, random) => replaceValue(doc, random, (node) => retype(doc, node, random)),
  (doc, random) => editPair(doc, random, () => visit.REMOVE),
  (doc, random) => editPair(doc, random, (pair, map) => void map.items.push(doc.createPair(pair.key, pair.value))),
  (doc, random) => editPair(doc, random, (pair) => void (isScalar(pair.key) && (pair.key.value = misspell(String(pair.key.value), random)))),
  (doc, random) => editPair(doc, random, (_, map) => void map.items.push(doc.createPair(pick(random, ['extra', 'intrval', 'every', 'port', 'probe', 'ready']), pick(random, EDGE_VALUES)))),
  (doc, random) => aliasSomething(doc, random),
  (doc, random) => void (random.int(0, 3) === 0 && isMap(doc.contents) && doc.set('laughs', laughs(doc))),
];

function replaceValue(doc: Document, random: Random, make: (node: Node) => unknown): void {
  const values = nodes(doc, (_key, node) => isScalar(node) || isCollection(node));
  if (values.length === 0) return;
  const target = pick(random, values);
  visit(doc, { Node: (key, node) => (node === target && key !== 'key' ? (make(node) as Node) : undefined) });
}

function editPair(doc: Document, random: Random, edit: (pair: { key: unknown; value: unknown }, map: { items: unknown[] }) => unknown): void {
  const maps = nodes(doc, (_key, node) => isMap(node) && node.items.length > 0) as unknown as { items: { key: unknown; value: unknown }[] }[];
  if (maps.length === 0) return;
  const map = pick(random, maps);
  const pair = pick(random, map.items);
  if (edit(pair, map) === visit.REMOVE) map.items.splice(map.items.indexOf(pair), 1);
}

// A scalar becomes a list or a mapping holding it, a list a mapping, a mapping a list or a scalar.
function retype(doc: Document, node: Node, random: Random): unknown {
  const value = node.toJSON();
  if (isSeq(node)) return doc.createNode(random.int(0, 1) ? Object.fromEntries((value as unknown[]).map((v, i) => [`k${i}`, v])) : 'a list was here');
  if (isMap(node)) return doc.createNode(random.int(0, 1) ? Object.entries(value as object).map(([k, v]) => ({ [k]: v })) : 42);
  return doc.createNode(random.int(0, 1) ? [value] : { value });
}

// An anchor on one node and an alias of it somewhere else: before it, after it or inside it.
function aliasSomething(doc: Document, random: Random): void {
  const all = nodes(doc, (key, node) => key !== 'key' && (isScalar(node) || isCollection(node)));
  if (all.length < 2) return;
  const anchored = pick(random, all);
  const replaced = pick(random, all);
  if (anchored === replaced) return;
  const alias = random.int(0, 4) === 0 ? doc.createAlias(doc.createNode('x'), 'nowhere') : doc.createAlias(anchored as never);
  visit(doc, { Node: (key, node) => (node === replaced && key !== 'key' ? alias : undefined) });
}

function laughs(doc: Document): unknown {
  const text = ['l0: &l0 [x, x, x, x, x, x, x, x]', ...[1, 2, 3, 4, 5].map((i) => `l${i}: &l${i} [${Array(8).fill(`*l${i - 1}`).join(', ')}]`)].join('\n');
  return parseDocument(text, { }).contents ?? doc.createNode('laughs');
}

function damageText(text: string, random: Random): string {
  const at = random.int(0, text.length);
  switch (random.int(0, 2)) {
    case 0: return text.slice(0, at);
    case 1: return text.slice(0, at) + pick(random, TEXT_JUNK) + text.slice(at);
    default: return text.slice(0, at) + text.slice(at, at + random.int(1, 40)).repeat(2) + text.slice(at + 40);
  }
}

function misspell(word: string, random: Random): string {
  if (word.length < 2) return `${word}x`;
  const i = random.int(0, word.length - 2);
  return random.int(0, 1) ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
}

function nodes(doc: Document, keep: (key: unknown, node: Node) => boolean): Node[] {
  const found: Node[] = [];
  visit(doc, { Node: (key, node) => void (keep(key, node) && found.push(node)) });
  return found;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[random.int(0, items.length - 1)];
}
