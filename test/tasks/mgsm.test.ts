import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import mgsm from '../../tasks/mgsm/task.ts';
import { parsePythonLiterals } from '../../tasks/mgsm/python-literals.ts';
import { workedAnswer } from '../../tasks/mgsm/prompt.ts';
import { generated, loglik } from '../support/completions.ts';

const sample = (subset: string, target: string): Sample => ({ id: 't', subset, input: 'q', target });
const run = (subset: string, text: string, target: string) => {
  const s = mgsm.score(sample(subset, target), generated(text));
  return { strict: s.extracted?.['strict-match'], flexible: s.extracted?.['flexible-extract'], strictScore: s.values['exact_match,strict-match'], flexibleScore: s.values['exact_match,flexible-extract'] };
};

describe('mgsm: reading exemplars.py', () => {
  it('evaluates the literal subset of Python the official file uses', () => {
    const literals = parsePythonLiterals(
      '"""Doc."""\n# comment\nA = [11, -2, 3.5]\nB = {\n    "x": ("ab"\n          "c\\u00e9\\n"),\n    \'y\': {"1": None, "2": True},\n}\nC = r"\\u0041"\n',
      'e.py',
    );
    expect(Object.fromEntries(literals)).toEqual({ A: [11, -2, 3.5], B: { x: 'abcé\n', y: { 1: null, 2: true } }, C: '\\u0041' });
  });

  it('refuses code it does not understand, naming the line', () => {
    expect(() => parsePythonLiterals('A = 1\nB = foo(2)\n', 'e.py')).toThrow('e.py:2: unsupported name foo');
    expect(() => parsePythonLiterals('import os\n', 'e.py')).toThrow('e.py:1: only NAME = literal statements are supported, found "import"');
    expect(() => parsePythonLiterals('A = "open\n', 'e.py')).toThrow('e.py:1: unterminated string');
  });
});

describe('mgsm task: bundled fixtures and prompt', () => {
  it('loads each language file present, targets without thousands separators, 8 exemplars each', async () => {
    const data = await mgsm.load(mgsm.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.target])).toEqual([
      ['en/0', '14'],
      ['en/1', '2050'],
      ['en/2', '32'],
      ['zh/0', '14'],
      ['zh/1', '2050'],
      ['zh/2', '32'],
    ]);
    expect(data.fewshot.filter((s) => s.subset === 'zh')).toHaveLength(8);
    expect(data.files.map((f) => f.path)).toEqual(['exemplars.py', 'mgsm_en.tsv', 'mgsm_zh.tsv']);
  });

  it('renders the English native-CoT prompt as lm-eval mgsm_native_cot_en, exemplars in order', async () => {
    const data = await mgsm.load(mgsm.data.bundledDir);
    const request = mgsm.buildRequest(data.samples[0] as Sample, data);
    if (request.kind !== 'generate' || request.prompt.kind !== 'text') throw new Error('expected a text generation request');
    expect(request.prompt.text.startsWith(
      'Question: Ann has 4 pencils and buys 3 more. How many pencils does she have?\nStep-by-Step Answer: Ann starts with 4 pencils. She buys 3 more. 4 + 3 = 7. The answer is 7.\n\n' +
        'Question: A box holds 6 eggs. How many eggs are in 5 boxes?\nStep-by-Step Answer: Each box holds 6 eggs.',
    )).toBe(true);
    expect(request.prompt.text.endsWith(
      'The answer is 30.\n\nQuestion: A shop sells pens for $2 each. Maya buys 7 pens. How much does she pay?\nStep-by-Step Answer:',
    )).toBe(true);
    expect(request.params).toEqual({ maxTokens: 256, temperature: 0, until: ['Question:', '</s>', '<|im_end|>'] });
  });

  it('renders Chinese with lm-eval\'s labels, keeping the first character of each worked answer', async () => {
    const data = await mgsm.load(mgsm.data.bundledDir);
    const request = mgsm.buildRequest(data.samples[3] as Sample, data);
    if (request.kind !== 'generate' || request.prompt.kind !== 'text') throw new Error('expected a text generation request');
    // lm-eval's answer[6:] would start this shot at "明一开始".
    expect(request.prompt.text.startsWith('问题：小明有 4 支铅笔，又买了 3 支。他现在有多少支铅笔？\n逐步解答: 小明一开始有 4 支铅笔。')).toBe(true);
    expect(request.prompt.text.endsWith('答案是 30。\n\n问题： 商店里钢笔每支 2 美元。玛雅买了 7 支钢笔。她要付多少钱？\n逐步解答:')).toBe(true);
    expect(request.params.until).toEqual(['问题：', '</s>', '<|im_end|>']);
    expect(workedAnswer('Пошаговое решение: в начале')).toBe('в начале');
  });
});

// Extractions checked with Python's re on lm-eval's patterns; exact_match as lm-eval's
// (ignore_case, ignore_punctuation: string.punctuation removed from both sides).
describe('mgsm scoring', () => {
  it('strict-match uses the language\'s phrase, flexible-extract the last number', () => {
    expect(run('en', 'He pays 7 * 2 = 14 dollars. The answer is 14.', '14')).toEqual({ strict: '14.', flexible: '14.', strictScore: 1, flexibleScore: 1 });
    expect(run('zh', '7 * 2 = 14。答案是 14。', '14')).toEqual({ strict: '14', flexible: '14', strictScore: 1, flexibleScore: 1 });
    expect(run('zh', 'The answer is 14.', '14')).toMatchObject({ strict: null, strictScore: 0, flexibleScore: 1 });
  });

  it('punctuation is ignored on both sides: thousands separators match, and so would "20.50" and 2050', () => {
    expect(run('en', 'The answer is 2,050.', '2050')).toMatchObject({ strict: '2,050.', strictScore: 1 });
    expect(run('en', 'The answer is 20.50', '2050')).toMatchObject({ strictScore: 1 });
  });

  it('stops at the next question label and ignores thinking', () => {
    expect(run('en', 'The answer is 14.\n\nQuestion: next one. The answer is 99.', '14')).toMatchObject({ strict: '14.', flexible: '14.' });
    expect(run('en', '<think>The answer is 3.</think> The answer is 32.', '32')).toMatchObject({ strict: '32.', strictScore: 1 });
    expect(run('en', 'No idea.', '32')).toEqual({ strict: null, flexible: null, strictScore: 0, flexibleScore: 0 });
    expect(mgsm.score(sample('en', '1'), loglik([0])).values).toEqual({ 'exact_match,strict-match': 0, 'exact_match,flexible-extract': 0 });
  });
});

describe('mgsm task: malformed input', () => {
  async function copyWith(name: string, text: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'mgsm-'));
    await cp(mgsm.data.bundledDir, dir, { recursive: true });
    await writeFile(path.join(dir, name), text);
    return dir;
  }

  it('a TSV line without its answer, or a non-integer answer', async () => {
    await expect(mgsm.load(await copyWith('mgsm_en.tsv', 'q1\t1\nq2 without tab\n'))).rejects.toThrow(/mgsm_en\.tsv:2: expected "question<TAB>answer", found 1 fields/);
    await expect(mgsm.load(await copyWith('mgsm_en.tsv', 'q1\t1.5\n'))).rejects.toThrow(/mgsm_en\.tsv:1: answer must be an integer, found "1\.5"/);
  });

  it('exemplars.py without the language, or missing', async () => {
    await expect(mgsm.load(await copyWith('exemplars.py', 'MGSM_EXEMPLARS = {"en": {}}\n'))).rejects.toThrow(/exemplars\.py: MGSM_EXEMPLARS\["en"\]\["1"\] needs string "q" and "a"/);
    await expect(mgsm.load(await mkdtemp(path.join(tmpdir(), 'mgsm-')))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
