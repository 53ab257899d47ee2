// crashtest stopped from outside: SIGHUP, SIGQUIT and a second Ctrl-C abort the run like the first one
// (exit 130, report written, nothing left); kill -9 leaves no PostgreSQL data folder behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, pidsWithTag, startCli, tempDir, waitFor, waitForOutput } from '../helpers.js';

const TAGGED = path.join(FIXTURES, 'scenarios/good/tagged.yml');

function runIdOf(output: string): string {
  const id = /crashtest: run (\S+)/.exec(output)?.[1];
  assert.ok(id, output);
  return id;
}

for (const signals of [['SIGHUP'], ['SIGQUIT'], ['SIGINT', 'SIGINT']] as NodeJS.Signals[][]) {
  test(`${signals.join(' then ')}: the run is aborted, exit 130, every component stopped, the report written`, async () => {
    const dir = tempDir();
    const out = path.join(dir, 'reports');
    const tag = `ct-${randomUUID()}`;
    const cli = startCli(['run', TAGGED, '--db', path.join(dir, 'r.db'), '--out', out, '--duration', '60s'], { env: { CT_TAG: tag } });
    const exited = new Promise((resolve) => cli.once('exit', (code, signal) => resolve(code ?? signal)));
    assert.ok(await waitForOutput(cli.output, 'phase   chaos', 20_000), cli.output());
    cli.kill(signals[0]);
    if (signals[1]) {
      // The second one lands while the first is being handled: every group is being killed.
      assert.ok(await waitForOutput(cli.output, `${signals[0]}: stopping every component`, 10_000), cli.output());
      cli.kill(signals[1]);
    }
    assert.equal(await exited, 130, cli.output());
    if (signals[1]) assert.match(cli.output(), /SIGINT: already stopping every component/);
    assert.match(cli.output(), /aborted; every component was stopped/);
    assert.ok(existsSync(path.join(out, runIdOf(cli.output()), 'report.html')), 'report.html written');
    assert.deepEqual(pidsWithTag(tag), []);
  });
}

const postgres = ['/usr/lib/postgresql'].some((d) => existsSync(d)) && process.getuid?.() === 0;

test('kill -9 of crashtest: the PostgreSQL data folder is deleted by the keeper', { skip: postgres ? false : 'needs root and PostgreSQL' }, async () => {
  const dir = tempDir();
  const cli = startCli(['run', path.join(FIXTURES, 'scenarios/good/postgres-only.yml'), '--db', path.join(dir, 'r.db'), '--out', path.join(dir, 'reports')]);
  assert.ok(await waitForOutput(cli.output, 'phase   chaos', 60_000), cli.output());
  const folder = path.join(os.tmpdir(), `crashtest-${runIdOf(cli.output())}`);
  assert.ok(existsSync(path.join(folder, 'db.0', 'data', 'PG_VERSION')), 'the data folder is there while the run goes on');
  cli.kill('SIGKILL');
  await new Promise((resolve) => cli.once('exit', resolve));
  assert.ok(await waitFor(() => !existsSync(folder), 5000), `${folder} is still there 5 s after kill -9`);
  assert.deepEqual(pidsWithTag(folder), [], 'no postgres process left');
});
