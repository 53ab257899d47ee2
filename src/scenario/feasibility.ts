// Checks across fields for scenarios that are well-formed but cannot work: a chaos window with no room
// for a fault, nothing killable, fixed ports that collide or pass 65535, a preset with a command it would ignore.
import type { Scenario } from './schema.js';
import type { ReferenceProblem } from './references.js';
import { matchTargets } from './targets.js';
import { formatDuration } from './duration.js';

/** The schedule is built before the run: more faults than this is a mistake in the timing, not a test. */
export const MAX_SCHEDULED_FAULTS = 100_000;

/** Problems of timing, targets, ports and presets, each with the path to point at. */
export function checkFeasibility(scenario: Scenario): ReferenceProblem[] {
  return [...timingProblems(scenario), ...progressProblems(scenario), ...killableProblems(scenario), ...portProblems(scenario), ...presetProblems(scenario)];
}

// The same arithmetic as the run: faults at start_after + k·interval, until the quiet period (default a quarter).
function timingProblems({ duration, chaos }: Scenario): ReferenceProblem[] {
  if (!chaos) return [];
  const quiet = chaos.quiet ?? Math.round(duration / 4);
  const total = formatDuration(duration);
  if (chaos.quiet !== undefined && chaos.quiet >= duration) {
    return [{ path: ['chaos', 'quiet'], message: `the quiet period (${formatDuration(chaos.quiet)}) must be shorter than the duration (${total}): no fault could fire` }];
  }
  if (chaos.start_after >= duration - quiet) {
    const where = chaos.start_after >= duration ? `the duration (${total})` : `the quiet period, which starts at ${formatDuration(duration - quiet)}`;
    return [{ path: ['chaos', 'start_after'], message: `faults start after ${formatDuration(chaos.start_after)}, at or past ${where}: no fault could fire` }];
  }
  const faults = Math.floor((duration - quiet - chaos.start_after) / chaos.interval);
  if (faults > MAX_SCHEDULED_FAULTS) {
    return [{ path: ['chaos', 'interval'], message: `a fault every ${formatDuration(chaos.interval)} for ${total} is ${faults} faults; at most ${MAX_SCHEDULED_FAULTS} (a longer interval or a shorter duration)` }];
  }
  return [];
}

// progress is judged over the chaos period (start_after to the quiet period): a window at least that long
// could never see a stall, and the check could never fail.
function progressProblems({ duration, chaos, invariants }: Scenario): ReferenceProblem[] {
  const window = invariants?.progress?.window;
  if (!chaos || window === undefined) return [];
  const span = duration - (chaos.quiet ?? Math.round(duration / 4)) - chaos.start_after;
  if (span <= 0 || window < span) return [];
  return [{ path: ['invariants', 'progress', 'window'], message: `a window of ${formatDuration(window)} is not shorter than the chaos period progress is judged over (${formatDuration(span)}): no stall could ever be seen; shorten the window or lengthen the run` }];
}

function killableProblems({ chaos, components }: Scenario): ReferenceProblem[] {
  if (!chaos || matchTargets(components, undefined).length > 0) return [];
  return [{ path: ['chaos'], message: 'no component is killable (each has killable: false): chaos has nothing to hurt; remove chaos: or let one be killed' }];
}

// Instances of a fixed port use port, port + 1, …: one per replica.
function portProblems({ components }: Scenario): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const taken: { name: string; from: number; to: number }[] = [];
  components.forEach((component, index) => {
    if (typeof component.port !== 'number') return;
    const from = component.port;
    const to = from + component.replicas - 1;
    const range = to === from ? `port ${from}` : `ports ${from}-${to}`;
    const at = ['components', index, 'port'];
    if (to > 65535) problems.push({ path: at, message: `${component.replicas} replicas from port ${from} need ${range}, past 65535` });
    const clash = taken.find((other) => from <= other.to && other.from <= to);
    if (clash) problems.push({ path: at, message: `${range} overlap${to === from ? 's' : ''} ${clash.name}'s ${clash.to === clash.from ? `port ${clash.from}` : `ports ${clash.from}-${clash.to}`}` });
    taken.push({ name: component.name, from, to });
  });
  return problems;
}

function presetProblems({ components }: Scenario): ReferenceProblem[] {
  return components.flatMap((component, index) => (component.preset !== undefined && component.command !== undefined
    ? [{ path: ['components', index, 'command'], message: `preset ${component.preset} runs its own server and would ignore this command: remove "command" (or "preset")` }]
    : []));
}
