// Worker threads start a fresh module loader. When ernie-eval runs from its TypeScript sources
// (npx ernie-eval, vitest), workers need tsx's loader to import .ts files; from a build they don't.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export function workerExecArgv(workerFile: URL): string[] {
  if (!workerFile.pathname.endsWith('.ts')) return [];
  const loader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}

/** The sibling module with this file's own extension (.ts from sources, .js from a build). */
export function siblingModule(base: string, name: string): URL {
  const extension = new URL(base).pathname.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, base);
}
