// The report's list of what crashtest warned about during the run (a log rotated or cut, lines dropped while the
// disk lagged, a fault that could not be injected): one row per warning, from the run.note events.
import type { History } from '../../store/index.js';
import { fmtT } from '../input.js';
import { foldedTable } from './markup.js';

/** The run's warnings under the instances table; nothing when there were none. */
export function warningsTable(history: History): string {
  const warnings = history.events.flatMap((e) => (e.type === 'run.note' && e.level === 'warn' ? [{ t: e.t, message: e.message }] : []));
  if (warnings.length === 0) return '';
  const rows = warnings.map((w) => ({ cells: [fmtT(w.t), w.message], cls: 'bad' }));
  return `<h3>Warnings</h3><p class="note">what crashtest could not do as asked during the run: logs rotated or cut, lines dropped, faults not injected</p>${
    foldedTable('warnings', ['at', 'warning'], rows)}`;
}
