// Command-line parsing helpers: flags via node:util parseArgs, plus sizes ("64M") and durations ("600ms", "5s").
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
export type Flags = Record<string, string | boolean | string[] | undefined>;

/** Parses `argv` strictly; unknown flags become a UsageError naming the command. */
export function flags(command: string, argv: string[], spec: FlagSpec): { values: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
    return { values: values as Flags, positionals };
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message}`);
  }
}

export function requireString(command: string, values: Flags, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`${command}: --${name} is required`);
  return v;
}

const SIZE_UNITS: Record<string, number> = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** "65536", "64K", "64M", "1G" -> bytes (binary units). */
export function parseSize(text: string, what: string): number {
  const m = /^(\d+)([KMGT]?)i?B?$/i.exec(text.trim());
  if (!m) throw new UsageError(`${what}: "${text}" is not a size (examples: 65536, 64K, 64M, 1G)`);
  return Number(m[1]) * SIZE_UNITS[m[2].toUpperCase()];
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** "600ms", "5s", "2m" -> milliseconds; a bare number is milliseconds. */
export function parseDuration(text: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new UsageError(`${what}: "${text}" is not a duration (examples: 600ms, 5s, 2m)`);
  return Math.round(Number(m[1]) * DURATION_UNITS[m[2] ?? 'ms']);
}

/** Parses a non-negative integer flag with a default. */
export function intFlag(values: Flags, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new UsageError(`--${name} must be a non-negative integer, got "${String(v)}"`);
  return Number(v);
}
