// Guard rails: the reference converter is a separate program (no imports across the boundary, either
// way), folders are entered through their index.ts, and runtime imports have no cycles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

const SRC = path.join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports of a file (runtime ones only with `runtimeOnly`), resolved to .ts paths. */
function imports(file: string, runtimeOnly = false): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)];
  return found.filter((m) => !(runtimeOnly && m[1])).map((m) => path.resolve(path.dirname(file), m[2].replace(/\.js$/, '.ts')));
}

const files = sources(SRC);
const inConverter = (file: string): boolean => file.startsWith(path.join(SRC, 'converter') + path.sep);

test('src/converter never imports harness code, and the harness never imports src/converter', () => {
  const crossings = files.flatMap((file) => imports(file).filter((target) => inConverter(file) !== inConverter(target))
    .map((target) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`));
  assert.deepEqual(crossings, []);
});

test('harness folders are entered through their index.ts', () => {
  const harness = files.filter((f) => !inConverter(f));
  const folderOf = (file: string): string => path.relative(SRC, path.dirname(file)).split(path.sep)[0];
  const violations = harness.flatMap((file) => imports(file)
    .filter((target) => folderOf(target) !== '' && folderOf(target) !== folderOf(file) && path.basename(target) !== 'index.ts')
    .map((target) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`));
  assert.deepEqual(violations, []);
});

test('runtime imports have no cycles', () => {
  const graph = new Map(files.map((file) => [file, imports(file, true)]));
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string, trail: string[]): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' → '));
      return;
    }
    state.set(file, 'visiting');
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  assert.deepEqual(cycles, []);
});

test('the command line starts light: main.ts reaches no engine folder and no heavy package before a command runs', () => {
  const packages = (file: string): string[] => [...readFileSync(file, 'utf8')
    .matchAll(/^(?:import|export)\s+(?!type\s)[^'"]*?from\s+'([^.'][^']*)'/gm)].map((m) => m[1]);
  const reached = new Set<string>();
  const walk = (file: string): void => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const next of imports(file, true)) walk(next);
  };
  walk(path.join(SRC, 'cli', 'main.ts'));
  const folders = new Set([...reached].map((file) => path.relative(SRC, path.dirname(file)) || '.'));
  const used = new Set([...reached].flatMap(packages).filter((name) => !name.startsWith('node:')));
  // Engine folders (scenario: zod + yaml, store: SQLite, run, report...) load inside a command's action,
  // with `await import('./<command>-action.js')`: `--help`, `--version` and `validate` stay fast.
  assert.deepEqual([...folders].sort(), ['.', 'cli', 'common', 'init']);
  assert.deepEqual([...used].sort(), ['chalk', 'commander']);
});
