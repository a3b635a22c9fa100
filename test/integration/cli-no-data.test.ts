// A run over tasks of which only some have files under --data-dir runs those and reports each of
// the others as "no data" with where to get it, not as an error.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTask, TASKS_ROOT } from '../../src/task/index.ts';
import { runCli } from '../support/cli.ts';
import { freshTempDir, tinyModelDir } from '../support/tiny-models.ts';

describe('run with partial data', () => {
  it('runs the tasks that have files and names, for each other one, its folder and download', async () => {
    const data = freshTempDir();
    cpSync(join(TASKS_ROOT, 'mmlu', 'fixtures'), join(data, 'mmlu'), { recursive: true });
    cpSync(join(TASKS_ROOT, 'gsm8k', 'fixtures'), join(data, 'gsm8k'), { recursive: true });
    // A folder that holds other files than the task reads (as ../shared/datasets/mmlu-pro might).
    mkdirSync(join(data, 'mmlu-pro'));
    writeFileSync(join(data, 'mmlu-pro', 'README.txt'), 'not the data');
    const model = await tinyModelDir('ernie4_5');
    const result = await runCli(['run', '--tasks', 'mmlu,gsm8k,drop,mgsm,mmlu-pro', '--model', model, '--data-dir', data, '--limit', '2', '--max-tokens', '8', '--workers', '1', '--out', freshTempDir()]);
    expect(result.code, result.stderr).toBe(0);
    for (const id of ['drop', 'mgsm']) {
      const spec = await loadTask(id);
      expect(result.stderr).toContain(`ernie-eval: ${id}: no data at ${join(data, spec.data.folder)} — ${spec.data.download}`);
    }
    expect(result.stderr).toMatch(new RegExp(`ernie-eval: mmlu-pro: no data at ${join(data, 'mmlu-pro').replace(/[/\\]/g, '.')} — .*mmlu-pro`));
    const record = /^Record: (.+)$/m.exec(result.stdout)?.[1] ?? '';
    const results = JSON.parse(readFileSync(join(record, 'results.json'), 'utf8')) as { status: string; tasks: Record<string, unknown> };
    expect(results.status).toBe('complete');
    expect(Object.keys(results.tasks).sort()).toEqual(['gsm8k', 'mmlu']);
  });

  it('refuses a run where no task has data, with exit code 2', async () => {
    const result = await runCli(['run', '--tasks', 'drop,mgsm', '--data-dir', freshTempDir(), '--out', freshTempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('none of the requested tasks has data');
  });
});
