import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, listTsFiles } from '../support/import-graph.ts';
import { layerViolations } from '../support/layer-rules.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('layer direction of DESIGN.md §2', () => {
  it('holds for every file in src/ and tasks/', () => {
    const files = [...listTsFiles(root, 'src'), ...listTsFiles(root, 'tasks')];
    expect(files.length).toBeGreaterThan(20);
    const edges = files.flatMap((f) => importsOf(root, f));
    expect(layerViolations(edges)).toEqual([]);
  });

  it('catches a lower layer importing a higher one, a deep import and an import of cli', () => {
    const upward = layerViolations(importsOf(root, 'src/store/bad.ts', "import { runEvaluation } from '../runner/index.ts';"));
    expect(upward).toEqual(['src/store/bad.ts imports src/runner/index.ts: store may not import runner']);
    const deep = layerViolations(importsOf(root, 'src/runner/bad.ts', "import { aggregateTask } from '../scoring/metrics.ts';"));
    expect(deep).toEqual(["src/runner/bad.ts imports src/scoring/metrics.ts: go through src/scoring's public entry point (index.ts)"]);
    const cli = layerViolations(importsOf(root, 'src/report/bad.ts', "export { main } from '../cli/main.ts';"));
    expect(cli).toEqual(['src/report/bad.ts imports src/cli/main.ts: nothing imports cli']);
  });

  it('catches core importing anything from src and a task importing a deep module', () => {
    const core = layerViolations(importsOf(root, 'src/core/x.ts', "import type { X } from '../model/index.ts';"));
    expect(core).toEqual(['src/core/x.ts imports src/model/index.ts: core may not import model']);
    const task = layerViolations(importsOf(root, 'tasks/foo/task.ts', "import { x } from '../../src/scoring/regex-filter.ts';"));
    expect(task[0]).toContain('tasks import only src/ public entry points');
  });
});
