import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import aime from '../../tasks/aime/task.ts';
import { normalizeAimeAnswer } from '../../tasks/aime/scoring.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { generated } from '../support/completions.ts';

const sample = (target: string): Sample => ({ id: 't', input: 'q', target });
const score = (text: string, target: string) => aime.score(sample(target), generated(text));

/** A copy of the bundled fixtures, to break one file at a time. */
async function fixtureCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aime-'));
  await cp(aime.data.bundledDir, dir, { recursive: true });
  return dir;
}

describe('aime task: bundled fixtures and prompt', () => {
  it('reads both layouts; the Qwen2.5-Math file adds the contest MathArena lacks', async () => {
    const data = await aime.load(aime.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target])).toEqual([
      ['2024-I-1', 'aime24', '12'],
      ['2024-I-2', 'aime24', '336'],
      ['2025-II-1', 'aime25', '55'],
      ['2024-II-1', 'aime24', '7'],
    ]);
    expect(data.samples[0]).toMatchObject({ origin: { file: 'matharena/aime/aime_2024_I/answers.csv', line: 2 }, metadata: { answerAsPublished: '012', source: 'matharena' } });
    expect(data.samples[3]?.metadata?.['source']).toBe('qwen2.5-math');
    expect(data.fewshot).toEqual([]);
    expect(data.files.map((f) => f.path)).toContain('qwen2.5-math/aime24/test.jsonl');
  });

  it('builds the zero-shot chat request (golden)', async () => {
    const data = await aime.load(aime.data.bundledDir);
    expect(aime.buildRequest(data.samples[2] as Sample, data)).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'chat',
        messages: [
          { role: 'system', content: 'Please reason step by step, and put your final answer within \\boxed{}.' },
          { role: 'user', content: 'Find the sum of the first $10$ positive integers.' },
        ],
      },
      params: { maxTokens: 38912, temperature: 0.6, topP: 0.95, until: [] },
    });
  });
});

describe('aime scoring', () => {
  it('compares the last box as an integer', () => {
    expect(score('... so $\\boxed{ 033 }$', '33').values['acc']).toBe(1);
    expect(score('\\boxed{12} no wait \\boxed{13}', '13')).toEqual({ values: { acc: 1 }, extracted: { boxed: '13' } });
    expect(score('\\boxed{12} no wait \\boxed{13}', '12').values['acc']).toBe(0);
    expect(score('The answer is 33.', '33')).toEqual({ values: { acc: 0 }, extracted: { boxed: null } });
  });

  it('normalises what models wrap around integers', () => {
    expect(normalizeAimeAnswer('045')).toBe(45);
    expect(normalizeAimeAnswer('60^\\circ')).toBe(60);
    expect(normalizeAimeAnswer('60^{\\circ}')).toBe(60);
    expect(normalizeAimeAnswer('\\text{ 204 }')).toBe(204);
    expect(normalizeAimeAnswer('$1{,}000$')).toBeNull(); // out of range after comma removal
    expect(normalizeAimeAnswer('9,99')).toBe(999);
    expect(normalizeAimeAnswer('25\\%')).toBe(25);
    expect(normalizeAimeAnswer('7.')).toBe(7);
    expect(normalizeAimeAnswer('\\textbf{(073) }')).toBe(73);
    expect(normalizeAimeAnswer('33.0')).toBe(33);
    expect(normalizeAimeAnswer('33.')).toBe(33);
  });

  it('accepts the integer in forms the MATH equivalence reads, never a non-integer form', () => {
    for (const box of ['033', '33.00', '$33$', 'n = 33', '33 \\text{ ways}', '\\$33']) expect(score(`\\boxed{${box}}`, '33').values['acc'], box).toBe(1);
    for (const box of ['\\frac{66}{2}', '\\sqrt{1089}', '33.5', '34']) expect(score(`\\boxed{${box}}`, '33').values['acc'], box).toBe(0);
  });

  it('a non-integer or out-of-range box is wrong, with a reason', () => {
    expect(normalizeAimeAnswer('\\frac{1}{2}')).toBeNull();
    expect(normalizeAimeAnswer('2.5')).toBeNull();
    expect(normalizeAimeAnswer('-3')).toBeNull();
    const s = score('\\boxed{\\frac{7}{2}}', '7');
    expect(s.values['acc']).toBe(0);
    expect(s.explanation).toMatch(/not an integer/);
  });

  it('ignores boxes inside thinking', () => {
    expect(score('<think>maybe \\boxed{5}</think>The answer is \\boxed{6}.', '5').values['acc']).toBe(0);
    expect(score('<think>maybe \\boxed{5}</think>The answer is \\boxed{6}.', '6').values['acc']).toBe(1);
    expect(score('<think>long derivation \\boxed{5} cut off', '5').values['acc']).toBe(0);
  });
});

describe('aime task: malformed input', () => {
  it('an answer that is not an integer 0-999 names file and line', async () => {
    const dir = await fixtureCopy();
    const file = path.join(dir, 'matharena/aime/aime_2024_I/answers.csv');
    await writeFile(file, 'id,answer\n1,012\n2,1/2\n');
    const err = await aime.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe(`${file}:3: answer must be an integer 0-999, found "1/2"`);
  });

  it('a missing problem file is DATA_MISSING naming it', async () => {
    const dir = await fixtureCopy();
    await writeFile(path.join(dir, 'matharena/aime/aime_2025_II/answers.csv'), 'id,answer\n1,55\n2,7\n');
    await expect(aime.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING', message: expect.stringContaining('aime_2025_II/problems/2.tex') });
  });

  it('the two layouts disagreeing on an answer is an error on the Qwen line', async () => {
    const dir = await fixtureCopy();
    await writeFile(path.join(dir, 'matharena/aime/aime_2024_I/answers.csv'), 'id,answer\n1,013\n2,336\n');
    await expect(aime.load(dir)).rejects.toThrow(/test\.jsonl:1: answer of 2024-I-1 is 12, but matharena\/aime\/aime_2024_I\/answers\.csv says 13/);
  });

  it('a bad JSONL line and a bad header name their line', async () => {
    const dir = await fixtureCopy();
    await writeFile(path.join(dir, 'qwen2.5-math/aime24/test.jsonl'), '{"problem": "p", "answer": "1"}\n');
    await expect(aime.load(dir)).rejects.toThrow(/test\.jsonl:1: field "url" missing/);
    await writeFile(path.join(dir, 'matharena/aime/aime_2024_I/answers.csv'), 'n,ans\n1,012\n');
    await expect(aime.load(dir)).rejects.toThrow(/answers\.csv:1: header must be "id,answer"/);
  });

  it('an empty folder is DATA_MISSING', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aime-'));
    await expect(aime.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});

describe('aime task: real data', () => {
  const dir = path.join(datasetsDir, 'aime');
  const present = hasDataset('aime');

  it.skipIf(!present)(`has 30 problems per year, 15 per contest, answers 0-999; both layouts agree (${SKIP_REASON})`, async () => {
    const data = await aime.load(dir);
    expect(data.samples).toHaveLength(60);
    expect(data.samples.filter((s) => s.subset === 'aime24')).toHaveLength(30);
    expect(data.samples.filter((s) => s.subset === 'aime25')).toHaveLength(30);
    expect(new Set(data.samples.map((s) => s.id)).size).toBe(60);
    for (const s of data.samples) {
      expect(s.metadata?.['source']).toBe('matharena');
      expect(Number(s.target)).toBeGreaterThanOrEqual(0);
      expect(Number(s.target)).toBeLessThanOrEqual(999);
      expect(s.input.length).toBeGreaterThan(40);
    }
    // 60 .tex + 4 answers.csv + the Qwen2.5-Math file, all checksummed for the manifest.
    expect(data.files).toHaveLength(65);
    expect(data.files.find((f) => f.path === 'qwen2.5-math/aime24/test.jsonl')?.sha256).toBe('af2b8bd2aa911b6333ad0df32f3ca05c7ae8ed10f1731f4372c8ae26990bf7ac');
  });

  it.skipIf(!present)(`the Qwen2.5-Math solutions' own last box scores as correct (${SKIP_REASON})`, async () => {
    // A scorer check on reference text: each AoPS solution in the Qwen file states the answer.
    // Measured when written: 29 of 30 box their answer (11 in AoPS style `\textbf{(113) }`, one
    // `\mathbf{127}`, zero-padded `033`, a trailing period `104.`) and all 29 score as correct;
    // line 1 writes `\framebox{204}`, which neither reference parser reads, so it is not counted.
    const { readJsonl, expectObject, requireString } = await import('../../src/task/readers/index.ts');
    const data = await aime.load(dir);
    const byLine = new Map(data.samples.map((s) => [s.id, s]));
    let boxed = 0;
    for (const { value, line } of await readJsonl(path.join(dir, 'qwen2.5-math/aime24/test.jsonl'))) {
      const obj = expectObject(value, { file: 'test.jsonl', line });
      const m = /(\d{4})_AIME_(I{1,2})_Problems\/Problem_(\d+)/.exec(requireString(obj, 'url', { file: 'test.jsonl', line }));
      const s = byLine.get(`${m?.[1]}-${m?.[2]}-${m?.[3]}`) as Sample;
      const result = aime.score(s, generated(requireString(obj, 'solution', { file: 'test.jsonl', line })));
      if (result.extracted?.['boxed'] == null) continue;
      boxed++;
      expect(result.values['acc'], `line ${line}: boxed ${result.extracted['boxed']}, target ${s.target}`).toBe(1);
    }
    expect(boxed).toBe(29);
  });
});
