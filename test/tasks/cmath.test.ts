import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import cmath from '../../tasks/cmath/task.ts';
import { extractCandidates, numbersMatch, stringToNumber } from '../../tasks/cmath/answer-match.ts';
import { generated, loglik } from '../support/completions.ts';

const sample = (target: string): Sample => ({ id: 't', input: 'q', target });
const run = (text: string, target: string) => {
  const s = cmath.score(sample(target), generated(text));
  return { extracted: s.extracted?.['last-two-numbers'], acc: s.values['acc'] };
};

describe('cmath task: bundled fixtures and prompt', () => {
  it('loads the test split by grade, and the first three dev problems as shots', async () => {
    const data = await cmath.load(cmath.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target])).toEqual([
      ['test/0', 'grade-1', '8'],
      ['test/1', 'grade-3', '8'],
      ['test/2', 'grade-5', '1/3'],
      ['test/3', 'grade-6', '160'],
    ]);
    expect(data.fewshot.map((s) => s.target)).toEqual(['5', '24', '0.75']);
  });

  it('renders the 3-shot 问题/答案 prompt and stops at the end of the answer line', async () => {
    const data = await cmath.load(cmath.data.bundledDir);
    expect(cmath.buildRequest(data.samples[0] as Sample, data)).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'text',
        text:
          '问题：树上有 8 只鸟，飞走了 3 只，还剩几只？\n答案：5\n\n' +
          '问题：每盒有 6 支笔，4 盒一共有多少支笔？\n答案：24\n\n' +
          '问题：一根绳子长 3 米，平均剪成 4 段，每段长多少米？\n答案：0.75\n\n' +
          '问题：小华有 12 个苹果，吃了 4 个，还剩多少个？\n答案：',
      },
      params: { maxTokens: 64, temperature: 0, until: ['\n'] },
    });
  });

  it('reads the GitHub layout, where the question field is "input"', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cmath-'));
    await cp(cmath.data.bundledDir, dir, { recursive: true });
    await writeFile(path.join(dir, 'cmath_test.jsonl'), '{"grade": 2, "input": "3 + 4 = ?", "golden": "7", "reasoning_step": 1, "num_digits": 1}\n');
    expect((await cmath.load(dir)).samples[0]).toMatchObject({ input: '3 + 4 = ?', target: '7', subset: 'grade-2' });
  });
});

// Every case below was run through XiaoMi/cmath utils.py (extract_digits_prediction with
// truncation "t", match_digit_response) in CPython; the task's matcher agreed on all of them and
// on 3,000 random strings built from numbers, fractions, percentages and Chinese punctuation.
describe('cmath answer matching (official utils.py)', () => {
  it('finds numbers next to Chinese text, at line ends and alone, and keeps the last two', () => {
    expect(extractCandidates('解：30-6=24（元）\n答：这条鱼24元。')).toEqual(['24']);
    expect(extractCandidates('答：48.1千克。\n验算：48.1-0.1=48').sort()).toEqual(['48', '48.1']);
    expect(extractCandidates('x=5, y=7\n所以 x+y=12').sort()).toEqual(['12', '7']);
    expect(extractCandidates('The answer is 41.15.')).toEqual([]); // no Chinese or "=" before it
  });

  it('normalises LaTeX and Chinese fractions, thousands separators and spaces between digits', () => {
    expect(extractCandidates('\\frac{2}{6}')).toEqual(['2/6']);
    expect(extractCandidates('1,200 + 850 = 2,050，所以有2050本。')).toEqual(['2050']);
    expect(extractCandidates('三分之二是 3分之2').sort()).toEqual(['2', '2/3']);
    expect(extractCandidates('一共 1 2 3 个')).toEqual(['123']);
  });

  it('integers compare exactly, anything else within 1%; Unicode digits count as in Python', () => {
    expect(run('答：每人分得 2/6 块。', '1/3')).toEqual({ extracted: '2/6', acc: 1 });
    expect(run('打八折后是 160.0 元', '160')).toMatchObject({ acc: 1 });
    expect(run('约 0.334', '1/3')).toMatchObject({ acc: 1 });
    expect(run('约 0.34', '1/3')).toMatchObject({ acc: 0 });
    expect(run('答案为 ９ 个', '9')).toMatchObject({ acc: 1 });
    expect(numbersMatch(stringToNumber('8')!, stringToNumber('8.05')!)).toBe(true);
    expect(numbersMatch(stringToNumber('1000')!, stringToNumber('1001')!)).toBe(false);
    expect(stringToNumber('25%')).toEqual({ value: 0.25, isInt: false });
  });

  it('only the last two numbers count, and only the first line is the answer', () => {
    expect(run('先算 8 个，再算 9 个，最后 10 个', '8')).toMatchObject({ acc: 0 });
    expect(run('8\n问题：下一题 3 个', '8')).toEqual({ extracted: '8', acc: 1 });
    expect(run('', '8')).toEqual({ extracted: null, acc: 0 });
    expect(cmath.score(sample('8'), loglik([0])).values).toEqual({ acc: 0 });
  });
});

describe('cmath task: malformed input', () => {
  async function copyWith(name: string, text: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'cmath-'));
    await cp(cmath.data.bundledDir, dir, { recursive: true });
    await writeFile(path.join(dir, name), text);
    return dir;
  }

  it('a gold answer that is not a number, and a record without a question', async () => {
    await expect(cmath.load(await copyWith('cmath_test.jsonl', '{"grade": 1, "question": "q", "golden": "八"}\n'))).rejects.toThrow(/cmath_test\.jsonl:1: field "golden" must be a number, fraction or percentage, found "八"/);
    await expect(cmath.load(await copyWith('cmath_test.jsonl', '{"grade": 1, "golden": "8"}\n'))).rejects.toThrow(/cmath_test\.jsonl:1: field "input" missing/);
  });

  it('fewer than three dev problems, and a missing folder', async () => {
    await expect(cmath.load(await copyWith('cmath_dev.jsonl', '{"grade": 1, "question": "q", "golden": "1"}\n'))).rejects.toThrow(/cmath_dev\.jsonl: has 1 records, 3-shot prompts need 3/);
    await expect(cmath.load(await mkdtemp(path.join(tmpdir(), 'cmath-')))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
