// Tests of the shared helpers: instance names both ways, duration text, abortable sleeps, making folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { componentOfInstance, formatMs, instanceName, sleep, sleepUntil, makeFolder, FolderError } from '../../src/common/index.js';

test('instanceName builds "component.replica"; componentOfInstance takes it apart', () => {
  assert.equal(instanceName('api', 0), 'api.0');
  assert.equal(instanceName('db.primary', 12), 'db.primary.12');
  assert.equal(componentOfInstance('api.0'), 'api');
  assert.equal(componentOfInstance('db.primary.12'), 'db.primary');
  assert.equal(componentOfInstance('redis'), 'redis', 'no replica suffix: the name itself');
  assert.equal(componentOfInstance(instanceName('worker', 3)), 'worker');
  assert.throws(() => instanceName('api', -1), /replica of "api" must be an integer >= 0, got -1/);
  assert.throws(() => instanceName('api', 1.5), /got 1\.5/);
});

test('formatMs: ms below 1 s, one decimal below a minute, then minutes and hours; null is a dash', () => {
  assert.deepEqual(
    [0, 250, 999.4, 1000, 5000, 7140, 59_940, 59_960, 61_000, 200_000, 3_600_000, 3_720_000].map(formatMs),
    ['0 ms', '250 ms', '999 ms', '1 s', '5 s', '7.1 s', '59.9 s', '1 m', '1 m 1 s', '3 m 20 s', '1 h', '1 h 2 m'],
  );
  assert.deepEqual([formatMs(-250), formatMs(-1500), formatMs(-90_000)], ['-250 ms', '-1.5 s', '-1 m 30 s']);
  assert.equal(formatMs(null), '—');
});

test('sleep waits at least the time asked; a negative wait is none', async () => {
  const t0 = performance.now();
  await sleep(30);
  assert.ok(performance.now() - t0 >= 29, `waited ${performance.now() - t0} ms`);
  await sleep(-5);
  await sleepUntil(performance.now() - 100);
});

test('sleep and sleepUntil reject with an AbortError when aborted, at once when already aborted', async () => {
  const controller = new AbortController();
  const t0 = performance.now();
  const waiting = sleepUntil(performance.now() + 10_000, controller.signal);
  setTimeout(() => controller.abort(), 10);
  await assert.rejects(waiting, { name: 'AbortError' });
  assert.ok(performance.now() - t0 < 1000, 'the abort ended the wait early');
  await assert.rejects(sleep(10_000, AbortSignal.abort()), { name: 'AbortError' });
});

test('makeFolder makes missing parents, accepts an existing folder, and refuses in one line instead of hanging', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'make-folder-'));
  try {
    makeFolder(path.join(root, 'a/b/c'));
    assert.ok(statSync(path.join(root, 'a/b/c')).isDirectory());
    makeFolder(path.join(root, 'a/b/c')); // already there
    writeFileSync(path.join(root, 'file'), '');
    assert.throws(() => makeFolder(path.join(root, 'file/x/y')), (error: unknown) => error instanceof FolderError &&
      error.message === `cannot create the folder ${root}/file/x/y: ${root}/file exists and is not a folder`);
    // Node's mkdirSync(..., { recursive: true }) never returns here.
    assert.throws(() => makeFolder('/proc/nope/x'), { message: 'cannot create the folder /proc/nope/x: /proc does not allow new folders (ENOENT)' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
