// A component whose child leaves its process group (setsid) under a kill every 500 ms: crashtest still exits
// after its verdict, lists every escaped process, and leaves none behind — after a normal end and after kill -9.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES, startCli, tempDir, waitFor, waitForOutput } from '../helpers.js';
import { killTagged, processesWithEnv } from '../process/env-tag.js';

const ESCAPES = path.join(FIXTURES, 'scenarios/good/escapes.yml');
const tags: string[] = [];
after(() => tags.forEach((tag) => killTagged('CT_TAG', tag)));

function setup() {
  const dir = tempDir();
  const tag = `ct-${randomUUID()}`;
  tags.push(tag);
  return { db: path.join(dir, 'results.db'), out: path.join(dir, 'reports'), tag };
}

/** Resolves with the exit code, or with 'hung' (after killing it: it is our child) if it outlives `timeoutMs`. */
function exitWithin(cli: ReturnType<typeof startCli>, timeoutMs: number): Promise<number | null | 'hung'> {
  return new Promise((resolve) => {
    if (cli.exitCode !== null || cli.signalCode !== null) return resolve(cli.exitCode); // it exited before we asked
    const timer = setTimeout(() => { cli.kill('SIGKILL'); resolve('hung'); }, timeoutMs);
    cli.once('exit', (code) => { clearTimeout(timer); resolve(code); });
  });
}

test('setsid children under kill -9 every 500 ms: crashtest exits after its verdict, lists each escaped process, none is left', async () => {
  const { db, out, tag } = setup();
  const cli = startCli(['run', ESCAPES, '--db', db, '--out', out], { env: { CT_TAG: tag } });
  assert.ok(await waitForOutput(cli.output, /PASSED|FAILED/, 60_000), cli.output());
  assert.equal(await exitWithin(cli, 20_000), 0, `crashtest did not exit within 20 s of its verdict:\n${cli.output()}`);
  assert.ok(await waitFor(() => processesWithEnv('CT_TAG', tag).length === 0, 2000), `left: ${JSON.stringify(processesWithEnv('CT_TAG', tag))}`);

  const sql = new Database(db, { readonly: true });
  const escaped = (sql.prepare(`SELECT data FROM events WHERE type = 'process.escaped' ORDER BY id`).all() as { data: string }[])
    .map((r) => JSON.parse(r.data) as { t: number; instance: string; generation: number; pid: number; command: string });
  const stoppingMs = (sql.prepare(`SELECT t_ms FROM events WHERE type = 'run.phase' AND data LIKE '%"stopping"%'`).get() as { t_ms: number }).t_ms;
  const spawns = (sql.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'component.spawned'`).get() as { n: number }).n;
  sql.close();
  assert.ok(spawns >= 3, `killed and restarted at least twice (${spawns} spawns)`);
  // Each generation's sh leaves one sleep outside its group (unless it was killed before its setsid): found once each.
  assert.ok(escaped.length >= 2, `${escaped.length} escaped`);
  assert.ok(escaped.every((e) => e.instance === 'leaky.0' && e.command === 'sleep 1000' && e.generation >= 1 && e.generation <= spawns), JSON.stringify(escaped));
  assert.equal(new Set(escaped.map((e) => e.generation)).size, escaped.length, 'one per generation');
  assert.ok(escaped.some((e) => e.t < stoppingMs), 'found when their generation was killed, not only at teardown');
  assert.match(cli.output(), new RegExp(`escaped: ${escaped.length} processes had left their component's process group`));
  for (const e of escaped) assert.ok(cli.output().includes(`  leaky.0 (generation ${e.generation}) pid ${e.pid}: sleep 1000\n`), `pid ${e.pid} listed`);
  const html = readFileSync(/^report: (.+)$/m.exec(cli.output())![1], 'utf8');
  assert.match(html, /<h3>Escaped processes<\/h3>/);
  for (const e of escaped) assert.match(html, new RegExp(`<td>leaky\\.0</td><td class="num">${e.generation}</td><td class="num">${e.pid}</td><td>sleep 1000</td>`));
});

test('kill -9 of crashtest mid-run: the keeper kills the processes that left their group too', async () => {
  const { db, out, tag } = setup();
  const cli = startCli(['run', ESCAPES, '--db', db, '--out', out, '--duration', '60s'], { env: { CT_TAG: tag } });
  assert.ok(await waitForOutput(cli.output, /generation 2\): pid \d+ had left its process group/, 30_000), cli.output());
  const alone = (): boolean => processesWithEnv('CT_TAG', tag).some((p) => p.command === 'sleep 1000' && p.pgid === p.pid);
  assert.ok(await waitFor(alone, 5000), 'the running generation\'s escaped sleep is alive, in a group of its own');
  cli.kill('SIGKILL');
  await new Promise((resolve) => cli.once('exit', resolve));
  assert.ok(await waitFor(() => processesWithEnv('CT_TAG', tag).length === 0, 3000), `left 3 s after kill -9: ${JSON.stringify(processesWithEnv('CT_TAG', tag))}`);
});
