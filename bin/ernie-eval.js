#!/usr/bin/env node
// In a checkout, runs the CLI straight from the TypeScript sources through tsx, so
// `npm ci && npx ernie-eval ...` needs no build and never runs a stale one. A published package
// ships only the build (dist/), and runs that.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(pathToFileURL(source).href));
} else {
  ({ main } = await import(new URL('../dist/src/cli/main.js', import.meta.url).href));
}
process.exitCode = await main(process.argv.slice(2));
