// Command probes read by a real shell: a checker's listed violations exit gives its lines as items, any
// other non-zero exit stays a probe error, and violations_exit is refused on a probe that runs no command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProbe } from '../../src/probes/index.js';
import { scenarioSchema, type ProbeSpec } from '../../src/scenario/index.js';
import { ROOT } from '../helpers.js';

/** A probe as the schema gives it (defaults filled). */
function probe(raw: Record<string, unknown>): ProbeSpec {
  return scenarioSchema.parse({ name: 'p', components: [{ name: 'a', command: 'true' }], probes: { p: raw } }).probes.p;
}

test('violations_exit: a checker that prints violations and exits 1 gives its lines as items', async () => {
  const checker = probe({ command: "printf 'row 7: torn\\nrow 9: missing\\n'; exit 1", violations_exit: [1] });
  assert.deepEqual(await readProbe(checker, ROOT), { items: ['row 7: torn', 'row 9: missing'] });
  // whatever parse says: a number printed with a violations exit is a violation line, not a value
  assert.deepEqual(await readProbe(probe({ command: 'echo 3; exit 1', violations_exit: [1], parse: 'auto' }), ROOT), { items: ['3'] });
  // exiting with a violations code without naming one is still a violation, never a silent pass
  assert.deepEqual(await readProbe(probe({ command: 'exit 1', violations_exit: [1] }), ROOT), { items: ['exited with 1 and printed no violation lines'] });
  // a clean check (exit 0) is read as before
  assert.deepEqual(await readProbe(probe({ command: 'true', violations_exit: [1] }), ROOT), { items: [] });
});

test('violations_exit: an exit code not listed is still a probe error, with the last stderr line', async () => {
  const broken = probe({ command: "echo 'row 7: torn'; echo 'cannot open database' >&2; exit 2", violations_exit: [1] });
  await assert.rejects(readProbe(broken, ROOT), { message: 'exited with 2: cannot open database' });
  const unlisted = probe({ command: "echo 'row 7: torn'; exit 1" });
  await assert.rejects(readProbe(unlisted, ROOT), { message: /^exited with 1/ });
});

test('violations_exit is for command probes only', () => {
  const result = scenarioSchema.safeParse({ name: 'p', components: [{ name: 'a', command: 'true' }], probes: { p: { http: { url: 'http://127.0.0.1:1/' }, violations_exit: [1] } } });
  assert.equal(result.success, false);
  assert.deepEqual(result.error?.issues.map((i) => [i.path.join('.'), i.message]), [['probes.p.violations_exit', 'violations_exit applies to command probes only']]);
});

test('a command probe sees CRASHTEST_PROBE_FINAL=1 in the final reading only (an incremental checker does its full pass then)', async () => {
  const echo = probe({ command: 'echo "final=$CRASHTEST_PROBE_FINAL"', parse: 'lines' });
  assert.deepEqual(await readProbe(echo, ROOT), { items: ['final=0'] });
  assert.deepEqual(await readProbe(echo, ROOT, true), { items: ['final=1'] });
});
