// compare on tasks whose primary metric is corpus-level (POPE's F1, MME's total): samples are
// paired on a per-sample metric of the task instead, and a task with no such metric (Multi-IF) is
// reported as not compared rather than failing the whole comparison.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { freshTempDir, tinyModelDir } from '../support/tiny-models.ts';

const recordOf = (stdout: string) => /^Record: (.+)$/m.exec(stdout)?.[1] ?? '';

describe('compare with corpus-level primary metrics', () => {
  it('pairs POPE and MME on a per-sample metric and lists Multi-IF as not compared', async () => {
    const model = await tinyModelDir('ernie4_5_vl');
    const args = ['run', '--tasks', 'pope,mme,multi-if', '--model', model, '--limit', '3', '--max-tokens', '8', '--workers', '1', '--no-cache'];
    const a = await runCli([...args, '--out', freshTempDir()]);
    const b = await runCli([...args, '--out', freshTempDir()]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const out = freshTempDir();
    const compared = await runCli(['compare', recordOf(a.stdout), recordOf(b.stdout), '--out', out]);
    expect(compared.code, compared.stderr).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as { tasks: { taskId: string; metric: string; nShared: number }[]; notPaired: { taskId: string; reason: string }[] };
    expect(result.tasks.map((t) => [t.taskId, t.metric])).toEqual([['mme', 'acc'], ['pope', 'acc']]);
    expect(result.tasks.every((t) => t.nShared > 0)).toBe(true);
    expect(result.notPaired.map((u) => u.taskId)).toEqual(['multi-if']);
    expect(readFileSync(join(out, 'compare.md'), 'utf8')).toContain('multi-if: not compared: every metric of multi-if is corpus-level');
  });
});
