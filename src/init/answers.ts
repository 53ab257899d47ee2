// What `crashtest init` needs to know about a system, and how a flag's text becomes one of those answers.
import { ScenarioError } from '../errors.js';

/** How crashtest knows an instance is ready: an HTTP path or URL answering 2xx, or a log line. */
export type ReadyAnswer = { http: string } | { log: string };

/** One component of the system: a name, the shell command that starts it, whether it gets a port. */
export interface ComponentAnswer {
  name: string;
  /** run by /bin/sh -c in the scenario's folder; may use ${self.port} */
  command: string;
  /** gets a free port of its own (port: auto) */
  port: boolean;
  ready?: ReadyAnswer;
}

/** Where a probe reads: an HTTP GET (a JSON path after "#" picks a field) or a shell command's stdout. */
export type ProbeAnswer = { http: { url: string; path?: string } } | { command: string };

/** The four litmus questions, each answered by a probe (or left as a commented example). */
export interface ProbeAnswers {
  /** a number that rises as work gets done (progress, recovery) */
  progress?: ProbeAnswer;
  /** the keys the system holds, one per line or a JSON list (no_loss) */
  keys?: ProbeAnswer;
  /** lists violations, nothing when consistent (consistency) */
  check?: ProbeAnswer;
  /** a number of unfinished items, 0 when settled (converge) */
  pending?: ProbeAnswer;
}

/** Everything a starting scenario is written from. */
export interface InitAnswers {
  name: string;
  components: ComponentAnswer[];
  /** the URL each workload operation is sent to; absent: no workload, a commented example */
  workload?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  probes: ProbeAnswers;
  /** the check command's exit codes meaning "the printed lines are violations" */
  violationsExit: number[];
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** `api=python3 app.py --port ${self.port}` → a component (its port and readiness come from other flags). */
export function parseComponent(text: string): ComponentAnswer {
  const [name, command] = splitPair('--component', text, 'api=python3 app.py --port ${self.port}');
  checkName('--component', name);
  return { name, command, port: command.includes('${self.port}') };
}

/** `name=value` → [name, value], or a usage error showing the expected form. */
export function splitPair(flag: string, text: string, example: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new ScenarioError(`${flag}: expected NAME=VALUE (e.g. ${flag} '${example}'), got "${text}"`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** A component name as the scenario allows it. */
export function checkName(flag: string, name: string): void {
  if (!NAME.test(name)) throw new ScenarioError(`${flag}: "${name}" is not a component name (letters, digits, "-" or "_", starting with a letter)`);
}

/** `http://host/stats#done` → an HTTP probe reading the JSON field `done`; anything else → a shell command. */
export function parseProbe(text: string): ProbeAnswer {
  const trimmed = text.trim();
  if (!/^https?:\/\//.test(trimmed)) return { command: trimmed };
  const hash = trimmed.indexOf('#');
  return hash < 0 ? { http: { url: trimmed } } : { http: { url: trimmed.slice(0, hash), path: trimmed.slice(hash + 1) } };
}

/** A readiness answer: a path ("/health") or URL is an HTTP check, "log:<regex>" a log line. */
export function parseReady(component: string, text: string): ReadyAnswer {
  const trimmed = text.trim();
  if (trimmed.startsWith('log:')) return { log: trimmed.slice(4) };
  if (trimmed.startsWith('/')) return { http: `http://127.0.0.1:\${self.port}${trimmed}` };
  if (/^https?:\/\//.test(trimmed)) return { http: trimmed };
  throw new ScenarioError(`readiness of ${component}: expected an HTTP path like /health, a URL, or log:<regular expression>, got "${text}"`);
}

/** `1,3` → [1, 3]: exit codes from 1 to 255. */
export function parseExitCodes(text: string): number[] {
  const codes = text.split(',').map((part) => Number(part.trim()));
  if (codes.some((code) => !Number.isInteger(code) || code < 1 || code > 255)) {
    throw new ScenarioError(`--violations-exit: expected exit codes from 1 to 255, separated by commas (e.g. 1 or 1,3), got "${text}"`);
  }
  return codes;
}
