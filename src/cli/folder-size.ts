// How much disk a folder takes (its files' sizes, links not followed), and that figure for people.
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The total size in bytes of the regular files under `dir`; 0 when it cannot be read. */
export function folderBytes(dir: string): number {
  let total = 0;
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(file);
      else if (entry.isFile()) total += lstatSync(file, { throwIfNoEntry: false })?.size ?? 0;
    }
  }
  return total;
}

/** 1536 → "1.5 KB", 134_000_000 → "134 MB" (decimal units, as df -H). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
