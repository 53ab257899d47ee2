// Looks up a system account (uid, gid) in /etc/passwd: servers that refuse to run as root run as it.
import { readFileSync } from 'node:fs';

/** uid/gid of a named account, or undefined when it does not exist. */
export function lookupAccount(name: string): { uid: number; gid: number; home: string } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.split(':')[0] === name);
  if (!line) return undefined;
  const [, , uid, gid, , home] = line.split(':');
  return { uid: Number(uid), gid: Number(gid), home };
}
