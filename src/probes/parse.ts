// Turns what a probe read (text, JSON, rows) into a sample value: a number, or a list of items.

export type ParseMode = 'auto' | 'number' | 'lines' | 'json';

/** A probe reading: a number or items (lines, keys, rows). */
export type Reading = { value: number } | { items: string[] };

/** Parses text output: auto = a number when the text is one, else one item per non-empty line. */
export function parseText(text: string, mode: ParseMode, path?: string): Reading {
  if (mode === 'json' || path !== undefined) return fromJson(JSON.parse(text), path);
  const trimmed = text.trim();
  if (mode === 'number' || (mode === 'auto' && /^-?\d+(\.\d+)?$/.test(trimmed))) {
    const value = Number(trimmed);
    if (trimmed === '' || Number.isNaN(value)) throw new Error(`expected a number, got ${JSON.stringify(trimmed.slice(0, 80))}`);
    return { value };
  }
  return { items: parseLines(trimmed) };
}

/** One item per non-empty line, each trimmed. */
export function parseLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** Picks `path` (a.b.0.c) in a JSON value: a number is a value, a list gives items, else an error. */
export function fromJson(json: unknown, path?: string): Reading {
  let current = json;
  for (const key of path ? path.split('.') : []) {
    if (current === null || typeof current !== 'object' || !(key in current)) throw new Error(`JSON path "${path}" not found (at "${key}")`);
    current = (current as Record<string, unknown>)[key];
  }
  if (typeof current === 'number') return { value: current };
  if (Array.isArray(current)) return { items: current.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))) };
  throw new Error(`expected a number or a list at "${path ?? '(root)'}", got ${JSON.stringify(current)?.slice(0, 80)}`);
}

/** Rows of a SQL query: one numeric cell is a value (auto/number); otherwise one item per row. */
export function fromRows(rows: Record<string, unknown>[], mode: ParseMode): Reading {
  const single = rows.length === 1 && Object.keys(rows[0]).length === 1 ? Object.values(rows[0])[0] : undefined;
  if ((mode === 'auto' || mode === 'number') && single !== undefined && single !== null && !Number.isNaN(Number(single))) {
    return { value: Number(single) };
  }
  if (mode === 'number') throw new Error(`expected one numeric cell, got ${rows.length} rows`);
  return { items: rows.map((row) => (Object.keys(row).length === 1 ? String(Object.values(row)[0]) : JSON.stringify(row))) };
}
