import { cp, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import piqa from '../../tasks/piqa/task.ts';
import { generated, loglik } from '../support/completions.ts';

async function copy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'piqa-'));
  await cp(piqa.data.bundledDir, dir, { recursive: true });
  return dir;
}

describe('piqa task: bundled fixtures and prompt', () => {
  it('joins valid.jsonl with valid-labels.lst line by line', async () => {
    const data = await piqa.load(piqa.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.target, s.targetIndex])).toEqual([
      ['fixture-piqa-1', '0', 0],
      ['fixture-piqa-2', '1', 1],
      ['fixture-piqa-3', '0', 0],
      ['fixture-piqa-4', '1', 1],
    ]);
    expect(data.files.map((f) => f.path)).toEqual(['valid.jsonl', 'valid-labels.lst']);
  });

  it('renders lm-eval piqa: "Question: {goal}\\nAnswer:" and " {sol}" continuations, zero-shot', async () => {
    const data = await piqa.load(piqa.data.bundledDir);
    expect(piqa.buildRequest(data.samples[1] as Sample, data)).toEqual({
      kind: 'loglikelihood',
      context: 'Question: To open a jar whose lid is stuck,\nAnswer:',
      continuations: [' pour glue around the lid and wait.', ' run the lid under hot water, then twist it with a dry towel.'],
    });
  });

  it('reads the AI2 zip naming (dev.jsonl + dev-labels.lst) too', async () => {
    const dir = await copy();
    await rename(path.join(dir, 'valid.jsonl'), path.join(dir, 'dev.jsonl'));
    await rename(path.join(dir, 'valid-labels.lst'), path.join(dir, 'dev-labels.lst'));
    expect((await piqa.load(dir)).samples).toHaveLength(4);
  });
});

describe('piqa scoring', () => {
  const s: Sample = { id: 't', input: 'g', target: '1', targetIndex: 1, choices: ['short', 'a much longer solution text'] };
  it('acc on raw log-likelihoods, acc_norm per character', () => {
    expect(piqa.score(s, loglik([-10, -9])).values).toEqual({ acc: 1, acc_norm: 1 });
    // -12/5 = -2.4 vs -20/27 = -0.74: raw prefers "short", per character the long one.
    expect(piqa.score(s, loglik([-12, -20]))).toMatchObject({ values: { acc: 0, acc_norm: 1 }, extracted: { acc: '0', acc_norm: '1' } });
    expect(piqa.score(s, generated('1')).values).toEqual({ acc: 0, acc_norm: 0 });
  });
});

describe('piqa task: malformed input', () => {
  it('labels that do not match the questions', async () => {
    const dir = await copy();
    await writeFile(path.join(dir, 'valid-labels.lst'), '0\n1\n0\n');
    await expect(piqa.load(dir)).rejects.toThrow(/valid-labels\.lst: has 3 labels for 4 questions in valid\.jsonl/);
    await writeFile(path.join(dir, 'valid-labels.lst'), '0\n1\n2\n1\n');
    await expect(piqa.load(dir)).rejects.toThrow(/valid-labels\.lst:3: label must be 0 or 1, found "2"/);
  });

  it('a question without sol2, and a folder without the files', async () => {
    const dir = await copy();
    await writeFile(path.join(dir, 'valid.jsonl'), '{"goal": "g", "sol1": "a"}\n');
    await writeFile(path.join(dir, 'valid-labels.lst'), '0\n');
    await expect(piqa.load(dir)).rejects.toThrow(/valid\.jsonl:1: field "sol2" missing/);
    await expect(piqa.load(await mkdtemp(path.join(tmpdir(), 'piqa-')))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
