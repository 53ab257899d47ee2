// uPlot's script and stylesheet, read from node_modules at render time and inlined into report.html
// (the page makes no request at all); read once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The chart library's source text, inlined into the page. */
export interface Assets {
  uplotJs: string;
  uplotCss: string;
}

let cached: Assets | undefined;

// uPlot's minified IIFE build and stylesheet.
export function loadAssets(): Assets {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const read = (file: string): string => readFileSync(require.resolve(`uplot/dist/${file}`), 'utf8');
    cached = { uplotJs: read('uPlot.iife.min.js'), uplotCss: read('uPlot.min.css') };
  }
  return cached;
}
