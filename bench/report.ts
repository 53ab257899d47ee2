// Report benchmark: a synthetic one-hour run (1 s samples for 20 components, 360 kills, 100k operations)
// rendered to HTML, JSON and JUnit: median time of 5 renders and the file sizes.
import { renderHtml, renderJson, renderJunit, syntheticRun } from '../src/report/index.js';
import { median, table } from './stats.js';

/** Runs the report benchmark and returns its Markdown section. */
export async function benchReport(): Promise<string> {
  const input = syntheticRun();
  const times: Record<'html' | 'json' | 'junit', number[]> = { html: [], json: [], junit: [] };
  const sizes = { html: 0, json: 0, junit: 0 };
  for (let i = 0; i < 5; i++) {
    for (const [kind, render] of [['html', renderHtml], ['json', renderJson], ['junit', renderJunit]] as const) {
      const started = performance.now();
      const text = render(input);
      times[kind].push(performance.now() - started);
      sizes[kind] = Buffer.byteLength(text);
    }
  }
  const rows = (['html', 'json', 'junit'] as const).map((kind) => [kind, `${median(times[kind]).toFixed(0)} ms`, `${(sizes[kind] / 2 ** 20).toFixed(2)} MiB`]);
  return [
    '### Reports (synthetic 1-hour run: 20 components, 1 s samples, 360 kills, 100k operations; median of 5)',
    '',
    table(['file', 'render time', 'size'], rows),
    '',
    'Targets: under 2 s and under 3 MB for report.html.',
  ].join('\n');
}
