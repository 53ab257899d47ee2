// The report's list of processes that had left their component's process group (setsid, a double fork),
// which crashtest found by their mark and killed: one row each, from the process.escaped events.
import { escapedProcesses, type History } from '../../store/index.js';
import { fmtT } from '../input.js';
import { foldedTable } from './markup.js';

/** The escaped processes under the instances table; nothing when none escaped. */
export function escapedTable(history: History): string {
  const escaped = escapedProcesses(history.events);
  if (escaped.length === 0) return '';
  const rows = escaped.map((p) => ({ cells: [fmtT(p.t), p.instance, String(p.generation), String(p.pid), p.command], cls: 'bad' }));
  return `<h3>Escaped processes</h3><p class="note">started by an instance, outside its process group when that instance was killed or stopped; found by their CRASHTEST_MARK and killed</p>${
    foldedTable('escaped processes', ['found at', 'instance', 'generation#', 'pid#', 'command'], rows)}`;
}
