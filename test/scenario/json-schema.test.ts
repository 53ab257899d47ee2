// The published JSON Schema is the validator's own (generated from zod, never stale), and a real JSON Schema
// validator (ajv, draft 2020-12) accepts every scenario this repository ships and rejects what zod rejects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { scenarioJsonSchema, SCHEMA_FILE } from '../../src/scenario/index.js';
import { FIXTURES, ROOT, runCli } from '../helpers.js';

const yamlIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.yml')).map((f) => path.join(dir, f));
const EXAMPLES = path.join(ROOT, 'scenarios/examples');
const SHIPPED = [...yamlIn(path.join(ROOT, 'scenarios')), ...yamlIn(path.join(ROOT, 'bench')), ...readdirSync(EXAMPLES).flatMap((d) => yamlIn(path.join(EXAMPLES, d)))];
const FIXTURE_GOOD = ['good', 'faults', '.'].flatMap((dir) => yamlIn(path.join(FIXTURES, 'scenarios', dir)));

function validator() {
  return new Ajv2020({ strict: false, allErrors: true }).compile(scenarioJsonSchema());
}

test('schema/scenario.schema.json is what `crashtest schema` prints (regenerate it with: crashtest schema > schema/scenario.schema.json)', async () => {
  const printed = await runCli(['schema']);
  assert.equal(printed.code, 0, printed.stderr);
  assert.equal(readFileSync(path.join(ROOT, SCHEMA_FILE), 'utf8'), printed.stdout);
  assert.equal(JSON.parse(printed.stdout).$schema, 'https://json-schema.org/draft/2020-12/schema');
});

test('every shipped and fixture scenario is valid against the JSON Schema; shipped ones name it on their first line', () => {
  const validate = validator();
  for (const file of [...SHIPPED, ...FIXTURE_GOOD]) {
    assert.ok(validate(parse(readFileSync(file, 'utf8'))), `${path.relative(ROOT, file)}: ${JSON.stringify(validate.errors)}`);
  }
  for (const file of SHIPPED) {
    assert.match(readFileSync(file, 'utf8').split('\n')[0], /^# yaml-language-server: \$schema=(\.\.\/)+schema\/scenario\.schema\.json$/, path.relative(ROOT, file));
  }
});

test('the JSON Schema rejects an unknown key, a misspelt component key and a wrong type, as validate does', async () => {
  const validate = validator();
  const base = { name: 'x', components: [{ name: 'a', command: ['sleep', '1'] }] };
  assert.ok(validate(base), JSON.stringify(validate.errors));
  assert.equal(validate({ ...base, chaso: {} }), false);
  assert.equal(validate({ ...base, components: [{ name: 'a', comand: ['sleep', '1'] }] }), false);
  assert.equal(validate({ ...base, components: [{ name: 'a', command: ['sleep', '1'], replicas: 'three' }] }), false);
});
