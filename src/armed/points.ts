// A kill point: a persistence syscall and the shape of the files it acts on, with the parts that change
// from run to run (ids, numbers, temporary suffixes, the run's own folder) folded into `*`.
import path from 'node:path';
import type { CallEntry } from './call-entry.js';

/** One place a component can die: e.g. { syscall: 'rename', path: 'data/out/*.raw.tmp-* -> data/out/*.raw' }. */
export interface KillPoint {
  syscall: string;
  path: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
// A token between separators made of hex digits with at least one decimal digit: a pid, a time, an id.
const ID_TOKEN = /(?<=^|[._-])[0-9a-f]*\d[0-9a-f]*(?=$|[._-])/gi;
const STARS = /\*(?:[._-]\*)+/g;

/** The point of a call; paths inside `runDir` are shown relative to it. */
export function pointOf(call: Pick<CallEntry, 'syscall' | 'paths'>, runDir?: string): KillPoint {
  return { syscall: call.syscall, path: call.paths.map((p) => foldPath(p, runDir)).join(' -> ') };
}

/** A path with its varying parts folded: /r/20261201-1e54/data/out/ab12cd34-….raw.tmp-6580-17 → data/out/*.raw.tmp-*. */
export function foldPath(file: string, runDir?: string): string {
  const relative = runDir && (file === runDir || file.startsWith(runDir + path.sep)) ? path.relative(runDir, file) || '.' : file;
  return relative.split('/').map((part) => part.replace(UUID, '*').replace(ID_TOKEN, '*').replace(STARS, '*')).join('/');
}

/** The text that names a point: "rename data/out/*.tmp -> data/out/*.raw". */
export function pointKey(point: KillPoint): string {
  return `${point.syscall} ${point.path}`;
}

/** True when a call is at the point. */
export function atPoint(call: Pick<CallEntry, 'syscall' | 'paths'>, point: KillPoint, runDir?: string): boolean {
  return call.syscall === point.syscall && pointOf(call, runDir).path === point.path;
}
