// Small HTML builders for the report page; every piece of run data goes through esc() on its way in.
import { escAttr, escText } from '../escape.js';
import type { Status } from '../input.js';

// Escapes text for HTML content.
export const esc = escText;
// Escapes text for a double-quoted HTML attribute.
export const attr = escAttr;

/** A table cell: HTML (already escaped) or a number/null shown right-aligned. */
export type Cell = { html: string } | string | number | null;

// One cell's markup: strings are escaped, null is a dash; numeric columns are right-aligned.
function cell(c: Cell, numeric: boolean): string {
  const open = numeric || typeof c === 'number' ? '<td class="num">' : '<td>';
  if (c === null) return `${open}—</td>`;
  if (typeof c === 'object') return `${open}${c.html}</td>`;
  return `${open}${esc(String(c))}</td>`;
}

/** A table row: its cells and an optional class (bad, warn). */
export interface Row {
  cells: Cell[];
  cls?: string;
}

// A table in a scrolling wrapper; headers ending in "#" are right-aligned numbers (the "#" is dropped).
export function table(head: string[], rows: readonly Row[]): string {
  const numeric = head.map((h) => h.endsWith('#'));
  const th = head.map((h) => (h.endsWith('#') ? `<th class="num">${esc(h.slice(0, -1))}</th>` : `<th>${esc(h)}</th>`)).join('');
  const body = rows.map((r) => `<tr${r.cls ? ` class="${attr(r.cls)}"` : ''}>${r.cells.map((c, i) => cell(c, numeric[i] === true)).join('')}</tr>`).join('\n');
  return `<div class="tbl-wrap"><table class="tbl"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

// A table, folded away behind a summary when it has more than `openUpTo` rows.
export function foldedTable(what: string, head: string[], rows: readonly Row[], openUpTo = 15): string {
  if (rows.length === 0) return `<p class="empty">no ${esc(what)}</p>`;
  const inner = table(head, rows);
  if (rows.length <= openUpTo) return inner;
  return `<details><summary>${esc(`${rows.length} ${what}`)}</summary>${inner}</details>`;
}

// The class of a status: pass, fail, error, skip.
export function statusClass(status: Status): string {
  return status === 'not checked' ? 'skip' : status;
}

// A coloured status pill: PASS, FAIL, ERROR, NOT CHECKED.
export function pill(status: Status): string {
  return `<span class="pill ${statusClass(status)}">${esc(status)}</span>`;
}

// A definition list of key/value pairs (values escaped).
export function kv(pairs: readonly [string, string][]): string {
  return `<dl class="kv">${pairs.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`;
}

// A number with thousands separators (fixed locale, so reports are identical everywhere).
export function int(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
