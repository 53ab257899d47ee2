// The system programs a volume needs (mkfs.ext4, losetup, mount, umount, xfs_io), run through execa;
// a failure becomes an error that names the command line, its exit code and its stderr.
import { execa } from 'execa';
import { findExecutable, pathDirs } from '../common/index.js';
import { SystemError } from '../errors.js';

// A non-root PATH on Debian lacks the sbin folders, where mkfs.ext4, losetup and xfs_io live.
const SBIN = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** Which package provides each program, for the "what to do next" of an error. */
export const PACKAGE_OF: Record<string, string> = {
  'mkfs.ext4': 'e2fsprogs', losetup: 'mount', mount: 'mount', umount: 'mount', xfs_io: 'xfsprogs',
};

/** The full path of a system program (PATH, then the sbin folders), or undefined when it is absent. */
export function findTool(name: string): string | undefined {
  return findExecutable(name, [...pathDirs(), ...SBIN]);
}

/** How a program ended: exit code and both outputs, trimmed. */
export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  command: string;
}

/** Runs a program to completion and reports how it ended; never throws for a non-zero exit. */
export async function attempt(name: string, args: string[]): Promise<ToolResult> {
  const tool = findTool(name);
  const command = [name, ...args].join(' ');
  if (!tool) {
    throw new SystemError(`power loss: \`${command}\` cannot run: ${name} is not installed (looked in PATH and ${SBIN.join(', ')})`,
      `install it (Debian: apt-get install ${PACKAGE_OF[name] ?? name})`);
  }
  const result = await execa(tool, args, { reject: false, stdin: 'ignore', env: { LC_ALL: 'C' } });
  const exitCode = result.exitCode ?? (result.signal ? 128 : 1);
  return { exitCode, stdout: String(result.stdout).trim(), stderr: String(result.stderr).trim(), command };
}

/** Runs a program and returns its stdout; throws SystemError (exit 3) naming `what`, the command and its stderr. */
export async function run(name: string, args: string[], what: string): Promise<string> {
  const result = await attempt(name, args);
  if (result.exitCode !== 0) throw commandError(result, what);
  return result.stdout;
}

/** The error for a command that failed while doing `what`. */
export function commandError(result: ToolResult, what: string, next?: string): SystemError {
  const said = result.stderr || result.stdout || '(no output)';
  return new SystemError(`power loss: ${what}: \`${result.command}\` failed with exit ${result.exitCode}: ${said}`, next);
}
