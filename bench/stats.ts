// Medians and percentiles for benchmark figures (nearest rank, as the checkers use), and a table printer.
import { percentile as nearestRank } from '../src/checks/index.js';

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  return nearestRank(values, p) ?? NaN;
}

/** The median (p50). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Prints rows as an aligned Markdown table (the README takes it as it is). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

/** Formats milliseconds with two decimals. */
export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}
