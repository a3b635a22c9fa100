import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import agieval from '../../tasks/agieval/task.ts';
import { goldIndices } from '../../tasks/agieval/load.ts';
import { generated, loglik } from '../support/completions.ts';

const bySubset = async (subset: string): Promise<Sample> => {
  const data = await agieval.load(agieval.data.bundledDir);
  return data.samples.find((s) => s.subset === subset) as Sample;
};
const contextOf = async (subset: string): Promise<string> => {
  const request = agieval.buildRequest(await bySubset(subset), { samples: [], fewshot: [], files: [] });
  if (request.kind !== 'loglikelihood') throw new Error('expected a log-likelihood request');
  return request.context;
};

describe('agieval task: bundled fixtures and prompt', () => {
  it('loads the multiple-choice subsets present, in the reference order, and skips the cloze ones', async () => {
    const data = await agieval.load(agieval.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.target])).toEqual([
      ['lsat-ar/0', 'A'],
      ['sat-math/0', 'B'],
      ['sat-math/1', 'B'],
      ['logiqa-zh/0', 'A'],
      ['jec-qa-kd/0', 'B'],
      ['gaokao-mathqa/0', 'AC'],
    ]);
    expect(data.files.map((f) => f.path)).not.toContain('data/v1_1/gaokao-mathcloze.jsonl');
    expect(data.samples[0]?.origin).toEqual({ file: 'data/v1_1/lsat-ar.jsonl', line: 1 });
  });

  // Expected strings printed by AGIEval's convert_zero_shot (dataset_loader.py) in CPython.
  it('renders convert_zero_shot: English with the passage glued to "Q:"', async () => {
    expect(await contextOf('lsat-ar')).toBe(
      'Five runners, F, G, H, J and K, finish a race one after another with no ties. G finishes before H. F finishes immediately after J. K finishes last.Q: Which one of the following could be the order of finish, from first to last? Answer Choices: (A)G, J, F, H, K (B)J, G, H, K, F (C)H, G, J, F, K (D)F, J, G, H, K (E)G, H, K, J, F\nA: Among A through E, the answer is',
    );
  });

  it('renders convert_zero_shot: Chinese, with and without a passage', async () => {
    expect(await contextOf('logiqa-zh')).toBe('某公司规定：只有通过考核的员工才能获得奖金。小王获得了奖金。问题：由此可以推出： 选项：(A)小王通过了考核 (B)小王没有通过考核 (C)所有员工都获得了奖金 (D)小王是公司经理\n答案：从A到D, 我们应选择');
    expect(await contextOf('gaokao-mathqa')).toBe('问题：下列函数中，在区间 $(0,+\\infty)$ 上单调递增的是 ( ) 选项：(A)$y=x^{2}$ (B)$y=-x$ (C)$y=\\ln x$ (D)$y=\\frac{1}{x}$\n答案：从A到D, 我们应选择');
  });

  it('continuations are " " + each option as written', async () => {
    const request = agieval.buildRequest(await bySubset('sat-math'), { samples: [], fewshot: [], files: [] });
    expect(request).toMatchObject({ continuations: [' (A)3', ' (B)5', ' (C)15', ' (D)25'] });
  });
});

describe('agieval labels and scoring', () => {
  const at = { file: 'x.jsonl', line: 3 };
  it('reads every label form: a letter, a list, several letters with or without spaces', () => {
    expect(goldIndices('C', 4, at)).toEqual([2]);
    expect(goldIndices(['B'], 4, at)).toEqual([1]);
    expect(goldIndices('A B D', 4, at)).toEqual([0, 1, 3]);
    expect(goldIndices('DA', 4, at)).toEqual([0, 3]);
    expect(() => goldIndices('E', 4, at)).toThrow('x.jsonl:3: label "E" names an option beyond the 4 given');
    expect(() => goldIndices(null, 4, at)).toThrow('x.jsonl:3: field "label" must be a letter or a list of letters, found null');
  });

  it('acc counts any gold option (multi-answer questions), acc_norm divides by option length', async () => {
    const multi = await bySubset('gaokao-mathqa'); // gold A and C
    expect(agieval.score(multi, loglik([-5, -9, -1, -9]))).toEqual({ values: { acc: 1, acc_norm: 1 }, extracted: { acc: 'C', acc_norm: 'C' } });
    expect(agieval.score(multi, loglik([-1, -9, -5, -9])).values).toEqual({ acc: 1, acc_norm: 1 });
    expect(agieval.score(multi, loglik([-5, -1, -5, -9])).values).toEqual({ acc: 0, acc_norm: 0 });
    const single = await bySubset('sat-math'); // "(A)3" ... "(D)25", gold B
    // Second case: raw, "(A)3" wins (-4.2); per character, "(D)25" wins (-4.4/5 = -0.88 > -4.2/4 = -1.05).
    expect(agieval.score(single, loglik([-4, -3.9, -9, -9])).values).toEqual({ acc: 1, acc_norm: 1 });
    expect(agieval.score(single, loglik([-4.2, -4.3, -9, -4.4]))).toEqual({ values: { acc: 0, acc_norm: 0 }, extracted: { acc: 'A', acc_norm: 'D' } });
  });

  it('odd completions are wrong answers, not exceptions', async () => {
    const single = await bySubset('sat-math');
    expect(agieval.score(single, loglik([-1, -2])).values).toEqual({ acc: 0, acc_norm: 0 });
    expect(agieval.score(single, generated('B')).values).toEqual({ acc: 0, acc_norm: 0 });
  });
});

describe('agieval task: malformed input', () => {
  it('a record without options (a cloze item under a multiple-choice name) names its line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'agieval-'));
    await cp(agieval.data.bundledDir, dir, { recursive: true });
    await writeFile(path.join(dir, 'data', 'v1_1', 'sat-math.jsonl'), '{"passage": null, "question": "q", "options": ["(A)1", "(B)2"], "label": "A"}\n{"passage": null, "question": "q", "options": null, "label": "A"}\n');
    await expect(agieval.load(dir)).rejects.toThrow(/sat-math\.jsonl:2: field "options" must be a non-empty list of strings, found null/);
  });

  it('a folder without any multiple-choice subset is DATA_MISSING', async () => {
    await expect(agieval.load(await mkdtemp(path.join(tmpdir(), 'agieval-')))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
