// Maps a path in the scenario (["chaos", "interval"]) to its place in the YAML text (line, column),
// and lists the keys the schema allows at a path, for did-you-mean hints.
import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { z } from 'zod';

export type PathSegment = string | number;

/** 1-based line and column of the node (or, with `key`, the key) at `path`; falls back to the nearest parent. */
export function locate(doc: Document, lines: LineCounter, path: readonly PathSegment[], key?: string): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
    const target = depth === path.length && key !== undefined ? keyNode(node, key) ?? node : node;
    if (target?.range) return lines.linePos(target.range[0]);
  }
  return { line: 1, col: 1 };
}

function keyNode(map: Node | undefined, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips optional/default/pipe wrappers down to the schema that holds the shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  return inner ? unwrap(inner) : schema;
}

/** The keys an object at `path` may have, according to the schema ([] when unknown). */
export function allowedKeys(root: z.ZodType, path: readonly PathSegment[]): string[] {
  let schemas = [unwrap(root)];
  for (const segment of path) {
    schemas = schemas.flatMap((schema) => childSchemas(schema, segment)).map(unwrap);
  }
  return [...new Set(schemas.flatMap((schema) => Object.keys(defOf(schema).shape ?? {})))];
}

function childSchemas(schema: z.ZodType, segment: PathSegment): z.ZodType[] {
  const def = defOf(schema);
  if (def.type === 'union') return (def.options ?? []).flatMap((option) => childSchemas(unwrap(option), segment));
  if (def.type === 'array' && typeof segment === 'number' && def.element) return [def.element];
  if (def.type === 'record' && def.valueType) return [def.valueType];
  const child = def.shape?.[String(segment)];
  return child ? [child] : [];
}
