import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import mmluPro from '../../tasks/mmlu-pro/task.ts';
import { extractOfficial } from '../../tasks/mmlu-pro/scoring.ts';
import { generated, loglik } from '../support/completions.ts';
import { writeParquet, type ParquetColumn } from '../support/parquet-writer.ts';
import { MMLU_PRO_FIXTURES } from '../support/fixtures-src/mmlu-pro.ts';
import { repoRoot } from './shared-datasets.ts';

const sample = (target: string): Sample => ({ id: 't', input: 'q', target });
const run = (text: string, target: string) => {
  const s = mmluPro.score(sample(target), generated(text));
  return { official: s.extracted?.['official'], strict: s.extracted?.['custom-extract'], acc: s.values['acc'], em: s.values['exact_match,custom-extract'] };
};

/** A data folder holding the bundled validation split and a test split made of `test`. */
async function withTest(test: ParquetColumn[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mmlu-pro-'));
  await mkdir(path.join(dir, 'data'));
  const validation = MMLU_PRO_FIXTURES['tasks/mmlu-pro/fixtures/data/validation-00000-of-00001.parquet'] as ParquetColumn[];
  await writeFile(path.join(dir, 'data', 'validation-00000-of-00001.parquet'), writeParquet(validation));
  await writeFile(path.join(dir, 'data', 'test-00000-of-00001.parquet'), writeParquet(test));
  return dir;
}

const testColumns = (overrides: Partial<Record<string, ParquetColumn['values']>>): ParquetColumn[] =>
  [
    { name: 'question_id', kind: 'int64', values: [1] },
    { name: 'question', kind: 'string', values: ['q?'] },
    { name: 'options', kind: 'string-list', values: [['a', 'b', 'c']] },
    { name: 'answer', kind: 'string', values: ['B'] },
    { name: 'answer_index', kind: 'int64', values: [1] },
    { name: 'cot_content', kind: 'string', values: [''] },
    { name: 'category', kind: 'string', values: ['math'] },
  ].map((c) => ({ ...c, values: overrides[c.name] ?? c.values }) as ParquetColumn);

describe('mmlu-pro task: bundled Parquet fixtures and prompt', () => {
  it('the committed Parquet files are exactly what their sources write', async () => {
    for (const [rel, columns] of Object.entries(MMLU_PRO_FIXTURES)) {
      expect(new Uint8Array(await readFile(path.join(repoRoot, rel))), rel).toEqual(writeParquet(columns));
    }
  });

  it('loads the test split, with the validation split as the few-shot pool', async () => {
    const data = await mmluPro.load(mmluPro.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target, s.targetIndex])).toEqual([
      ['101', 'math', 'C', 2],
      ['102', 'computer science', 'A', 0],
      ['103', 'math', 'B', 1],
      ['104', 'computer science', 'C', 2],
    ]);
    expect(data.samples[0]?.origin).toEqual({ file: 'data/test-00000-of-00001.parquet#row', line: 1 });
    expect(data.fewshot).toHaveLength(10);
    expect(data.files.map((f) => f.path)).toEqual(['data/test-00000-of-00001.parquet', 'data/validation-00000-of-00001.parquet']);
  });

  it('renders the official 5-shot CoT prompt: category shots, unstripped options, the CoT trigger', async () => {
    const data = await mmluPro.load(mmluPro.data.bundledDir);
    const request = mmluPro.buildRequest(data.samples[1] as Sample, data);
    if (request.kind !== 'generate' || request.prompt.kind !== 'text') throw new Error('expected a text generation request');
    const text = request.prompt.text;
    expect(text.startsWith(
      'The following are multiple choice questions (with answers) about computer science. Think step by step and then finish your answer with "the answer is (X)" where X is the correct letter choice.\n\n\n\n' +
        'Question:\nHow many bits are in a byte?\nOptions:\nA. 4\nB. 6\nC. 8\nD. 10\nE. 12\nF. 16\nG. 24\nH. 32\nI. 48\nJ. 64\n' +
        "Answer: Let's think step by step. A byte has 8 bits. The answer is (C).\n\nQuestion:\n",
    )).toBe(true);
    expect(text.endsWith(
      "Answer: Let's think step by step. Each step halves the list. The answer is (B).\n\n" +
        "Question:\nWhich sorting algorithm has the best worst-case time on n items?\nOptions:\nA.  merge sort \nB. bubble sort\nC. insertion sort\nD. selection sort\nAnswer: Let's think step by step.",
    )).toBe(true);
    expect(text.split('Question:\n')).toHaveLength(7); // 5 shots + the question, after the header
    expect(text).not.toContain('What is 7 + 8?'); // math shots stay with math questions
    expect(request.params).toEqual({ maxTokens: 2048, temperature: 0, until: ['Question:'] });
  });
});

describe('mmlu-pro scoring', () => {
  it('takes the first "answer is (X)" for both readings', () => {
    expect(run('12 * 12 = 144. The answer is (C).', 'C')).toEqual({ official: 'C', strict: 'C', acc: 1, em: 1 });
    expect(run('The answer is C, not (D). the answer is (D)', 'D')).toMatchObject({ official: 'C', acc: 0, em: 0 });
    expect(run('So the answer is J', 'J')).toMatchObject({ official: 'J', strict: 'J', acc: 1 });
  });

  it('falls back to "Answer: X", then to the last standalone letter, for the official reading only', () => {
    expect(run('Reasoning... Answer: B\nmore text', 'B')).toEqual({ official: 'B', strict: null, acc: 1, em: 0 });
    expect(run('I would pick B. Actually, it is D here', 'D')).toEqual({ official: 'D', strict: null, acc: 1, em: 0 });
    // "answer:" then a newline: \s* crosses lines as in Python.
    expect(extractOfficial('final answer:\n  E')).toBe('E');
    // Letters inside words or beyond J are not answers; "K" is not an option.
    expect(extractOfficial('Because AB and K, nothing')).toBeNull();
    // Python's \b is Unicode-aware: a letter glued to a Chinese character is not standalone.
    expect(extractOfficial('选A项')).toBeNull();
  });

  it('ignores thinking and what follows the next "Question:"', () => {
    expect(run('<think>the answer is (A)</think>The answer is (B).', 'B')).toMatchObject({ official: 'B', strict: 'B' });
    expect(run('No idea.\n\nQuestion:\nNext one. The answer is (A).', 'A')).toEqual({ official: null, strict: null, acc: 0, em: 0 });
  });

  it('scores a log-likelihood completion as wrong instead of throwing', () => {
    expect(mmluPro.score(sample('A'), loglik([0, -1])).values).toEqual({ acc: 0, 'exact_match,custom-extract': 0 });
  });
});

describe('mmlu-pro task: malformed input', () => {
  it('answer letter and answer_index that disagree name the row', async () => {
    const dir = await withTest(testColumns({ answer: ['C'] }));
    await expect(mmluPro.load(dir)).rejects.toThrow(/test-00000-of-00001\.parquet#row:1: answer "C" and answer_index 1 disagree/);
  });

  it('a missing column is named before any row is read', async () => {
    const dir = await withTest(testColumns({}).filter((c) => c.name !== 'cot_content'));
    await expect(mmluPro.load(dir)).rejects.toThrow(/column "cot_content" missing; the file has question_id, question, options/);
  });

  it('a category without 5 validation items cannot be prompted', async () => {
    const dir = await withTest(testColumns({ category: ['law'] }));
    await expect(mmluPro.load(dir)).rejects.toThrow(/category "law" has 0 validation items, 5-shot prompts need 5/);
  });

  it('a file that is not Parquet, and a missing file', async () => {
    const dir = await withTest(testColumns({}));
    await writeFile(path.join(dir, 'data', 'test-00000-of-00001.parquet'), '{"question": "json"}\n');
    await expect(mmluPro.load(dir)).rejects.toThrow(/test-00000-of-00001\.parquet: not a readable Parquet file/);
    const empty = await mkdtemp(path.join(tmpdir(), 'mmlu-pro-'));
    await expect(mmluPro.load(empty)).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
