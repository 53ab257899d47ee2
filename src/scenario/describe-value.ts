// Names a value from a scenario as its author wrote it: a list, a mapping, null, string "x", number .inf.

/** e.g. `a list`, `a mapping`, `null`, `string "two"`, `number 1e+99`, `number .inf`, `true`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `number ${Number.isNaN(value) ? '.nan' : value === Infinity ? '.inf' : value === -Infinity ? '-.inf' : String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return typeof value;
}
