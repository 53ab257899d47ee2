// Real PostgreSQL and Redis servers for the converter's integration tests, in temp folders on free ports,
// each in its own process group so a test can SIGKILL it. (No tests here.)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findBinary, postgresAnswers, postgresDirs } from '../../src/presets/index.js';
import { Redis } from 'ioredis';

/** A PostgreSQL server program, found as the postgres preset finds it (PATH, then Debian's per-version folders). */
function pgBinary(name: 'initdb' | 'postgres'): string {
  const found = findBinary(name, { extraDirs: postgresDirs() });
  if (!found) throw new Error(`${name} not found on PATH or under /usr/lib/postgresql/*/bin: run \`npm test\` as root once (scripts/provision.sh installs postgresql)`);
  return found;
}

export interface Server { url: string; port: number; child: ChildProcess; kill(): Promise<void> }

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function spawnGroup(command: string, args: string[], ids: { uid?: number; gid?: number } = {}): ChildProcess {
  return spawn(command, args, { detached: true, stdio: 'ignore', ...ids });
}

/** SIGKILL to the process group, resolved once the leader has exited. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    return; // already gone
  }
  await gone;
}

async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`${what} did not come up within ${timeoutMs} ms`);
    await sleep(50);
  }
}

function postgresAccount(): { uid: number; gid: number } {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('these tests need the "postgres" system account (apt-get install postgresql)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** initdb into a fresh folder under os.tmpdir() (owned by postgres), then the postmaster on a free port. */
export async function startPostgres(t: { after(fn: () => void | Promise<void>): void }): Promise<Server> {
  const ids = postgresAccount();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'conv-pg-'));
  fs.chmodSync(root, 0o755);
  fs.chownSync(root, ids.uid, ids.gid);
  const data = path.join(root, 'data');
  execFileSync(pgBinary('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], { ...ids, cwd: root, stdio: 'ignore' });
  const port = await freePort();
  const child = spawnGroup(pgBinary('postgres'), ['-D', data, '-p', String(port), '-k', root, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], ids);
  const server: Server = { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, child, kill: () => killGroup(child) };
  t.after(async () => {
    await server.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });
  await until('postgres', () => postgresAnswers(server.url));
  return server;
}

/** redis-server with persistence off on `port` (a free one by default): a kill loses everything. */
export async function startRedis(t: { after(fn: () => void | Promise<void>): void }, port?: number): Promise<Server> {
  const p = port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conv-redis-'));
  const child = spawnGroup('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
  const server: Server = { url: `redis://127.0.0.1:${p}`, port: p, child, kill: () => killGroup(child) };
  t.after(async () => {
    await server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await until('redis', async () => {
    const r = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      r.disconnect();
    }
  });
  return server;
}
