// `ernie-eval list`: every task with its protocol and data status, every suite with its tasks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTaskIds, loadSuites, loadTask } from '../../src/task/index.ts';
import { runCli } from '../support/cli.ts';
import { freshTempDir } from '../support/tiny-models.ts';

describe('ernie-eval list', () => {
  it('shows every task with its protocol, and with --data-dir which have their files and where to get the others', async () => {
    const data = freshTempDir();
    mkdirSync(join(data, 'mmlu'));
    const result = await runCli(['list', '--data-dir', data]);
    expect(result.code).toBe(0);
    const ids = listTaskIds();
    expect(ids.length).toBeGreaterThanOrEqual(50);
    const blocks = new Map(result.stdout.split(/\n(?=  \S)/).map((block) => [/^\s*(\S+) \(v/.exec(block)?.[1] ?? '', block]));
    for (const id of ids) {
      const spec = await loadTask(id);
      const block = blocks.get(id) ?? '';
      expect(block, id).toContain(`protocol: ${spec.protocol.shots}-shot`);
      expect(block, id).toContain(spec.primaryMetric);
      if (id === 'mmlu') expect(block).toContain(`data: official files at ${join(data, 'mmlu')}`);
      else expect(block, id).toContain(`data: no data at ${join(data, spec.data.folder)} — ${spec.data.download}`);
    }
    for (const [name, suite] of Object.entries(await loadSuites())) {
      expect(result.stdout).toContain(`  ${name}: ${suite.tasks.join(', ')}`);
    }
    expect(result.stdout).toMatch(/ernie-4\.5-vl-thinking: .*\(thinking on\)/);
  });
});
