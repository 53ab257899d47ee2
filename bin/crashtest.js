#!/usr/bin/env node
// Entry point installed as `crashtest`: runs the compiled CLI (built by `npm run build`, run by `npm ci`).
import '../dist/src/cli/main.js';
