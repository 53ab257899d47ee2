// A validator for the JSON Schema subset schema.ts uses (type, properties, required,
// additionalProperties, items, enum, const, minimum): returns every problem with its path.
import type { JsonSchema, SchemaType } from './schema.js';

// The JSON type of a value ('integer' only when asked and it is one).
function typeMatches(value: unknown, type: SchemaType): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    default: return typeof value === type;
  }
}

// Problems of an object's properties: required ones missing, each present one, extra ones.
function checkObject(schema: JsonSchema, value: Record<string, unknown>, at: string, out: string[]): void {
  for (const key of schema.required ?? []) if (!(key in value)) out.push(`${at}: missing required "${key}"`);
  for (const [key, item] of Object.entries(value)) {
    const sub = schema.properties?.[key];
    if (sub) check(sub, item, `${at}.${key}`, out);
    else if (schema.additionalProperties === false) out.push(`${at}: unexpected property "${key}"`);
    else if (typeof schema.additionalProperties === 'object') check(schema.additionalProperties, item, `${at}.${key}`, out);
  }
}

// Appends the problems of `value` against `schema` to `out`.
function check(schema: JsonSchema, value: unknown, at: string, out: string[]): void {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((t) => typeMatches(value, t))) {
    out.push(`${at}: expected ${types.join(' or ')}, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`);
    return;
  }
  if (schema.const !== undefined && value !== schema.const) out.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.some((e) => e === value)) out.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) out.push(`${at}: below ${schema.minimum}`);
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => check(schema.items as JsonSchema, item, `${at}[${i}]`, out));
  if (typeMatches(value, 'object') && (schema.properties || schema.required || schema.additionalProperties !== undefined)) {
    checkObject(schema, value as Record<string, unknown>, at, out);
  }
}

// Validates a value against a schema; an empty list means valid.
export function validateSchema(schema: JsonSchema, value: unknown): string[] {
  const out: string[] = [];
  check(schema, value, '$', out);
  return out;
}
