// DESIGN.md §2 import direction, as data: which src/ layers each layer may import.
import type { ImportEdge } from './import-graph.ts';

export const ALLOWED: Record<string, string[]> = {
  core: [],
  task: ['core'],
  model: ['core'],
  scoring: ['core'],
  perf: ['core'],
  store: ['core'],
  runner: ['core', 'task', 'model', 'scoring', 'perf', 'store'],
  report: ['core', 'store', 'scoring', 'perf'],
  // The OpenAI-compatible server in front of a local model and its worker pool.
  serve: ['core', 'model', 'runner'],
  cli: ['core', 'task', 'model', 'scoring', 'perf', 'store', 'runner', 'report', 'serve'],
};

function layerOf(path: string): string | undefined {
  const match = /^src\/([^/]+)\//.exec(path);
  return match?.[1];
}

/** Every violation among the edges, as readable lines (empty when the layout is respected). */
export function layerViolations(edges: ImportEdge[]): string[] {
  const problems: string[] = [];
  for (const { from, to } of edges) {
    if (!to.startsWith('src/') && !to.startsWith('tasks/')) continue; // packages and node: built-ins
    const fromLayer = layerOf(from);
    const toLayer = layerOf(to);
    if (to.startsWith('src/cli/') && !from.startsWith('src/cli/')) {
      problems.push(`${from} imports ${to}: nothing imports cli`);
      continue;
    }
    if (fromLayer !== undefined && to.startsWith('tasks/')) problems.push(`${from} imports ${to}: src/ finds tasks through the registry, never by import`);
    if (fromLayer !== undefined && toLayer !== undefined && fromLayer !== toLayer) {
      const allowed = ALLOWED[fromLayer];
      if (allowed === undefined) problems.push(`${from}: src/${fromLayer} is not a layer of DESIGN.md §2`);
      else if (!allowed.includes(toLayer)) problems.push(`${from} imports ${to}: ${fromLayer} may not import ${toLayer}`);
      else if (!/\/index\.ts$/.test(to) && fromLayer !== 'cli') problems.push(`${from} imports ${to}: go through src/${toLayer}'s public entry point (index.ts)`);
    }
    if (from.startsWith('tasks/') && toLayer !== undefined && !/\/index\.ts$/.test(to)) {
      problems.push(`${from} imports ${to}: tasks import only src/ public entry points (index.ts files)`);
    }
  }
  return problems;
}
