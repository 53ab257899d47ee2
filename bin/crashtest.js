#!/usr/bin/env node
// Entry point installed as `crashtest`: runs the compiled CLI (built by `npm run build`, run by `npm ci`).
import module from 'node:module';

// Node ≥ 22.1 keeps compiled code on disk between starts; Node 20 has no such API (a no-op there).
module.enableCompileCache?.();
await import('../dist/src/cli/main.js');
