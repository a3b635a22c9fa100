import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import mmlu from '../../tasks/mmlu/task.ts';
import redux from '../../tasks/mmlu-redux/task.ts';
import { loglik } from '../support/completions.ts';
import { writeParquet, type ParquetColumn } from '../support/parquet-writer.ts';
import { MMLU_REDUX_FIXTURES } from '../support/fixtures-src/mmlu-redux.ts';
import { repoRoot } from './shared-datasets.ts';

async function copy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mmlu-redux-'));
  await cp(redux.data.bundledDir, dir, { recursive: true });
  return dir;
}

describe('mmlu-redux task: bundled Parquet fixtures and prompt', () => {
  it('the committed Parquet files are exactly what their sources write', async () => {
    for (const [rel, columns] of Object.entries(MMLU_REDUX_FIXTURES)) {
      expect(new Uint8Array(await readFile(path.join(repoRoot, rel))), rel).toEqual(writeParquet(columns));
    }
  });

  it('reads both Hub layouts and keeps only the questions annotated "ok"', async () => {
    const data = await redux.load(redux.data.bundledDir);
    // astronomy rows 2 (no_correct_answer) and 4 (wrong_groundtruth), computer_security row 2
    // (bad_question_clarity) are left out; ids keep the row index in the file.
    expect(data.samples.map((s) => [s.id, s.target])).toEqual([
      ['astronomy/0', 'C'],
      ['astronomy/2', 'B'],
      ['computer_security/0', 'B'],
      ['computer_security/2', 'B'],
    ]);
    expect(data.samples[1]?.origin).toEqual({ file: 'astronomy/test-00000-of-00001.parquet#row', line: 3 });
    expect(data.fewshot).toHaveLength(10);
    expect(data.files.map((f) => f.path)).toEqual([
      'astronomy/test-00000-of-00001.parquet',
      'dev/astronomy_dev.csv',
      'computer_security/test/0000.parquet',
      'dev/computer_security_dev.csv',
    ]);
  });

  it('gives a Redux question exactly the prompt the mmlu task gives the same MMLU question', async () => {
    const data = await redux.load(redux.data.bundledDir);
    const mmluData = await mmlu.load(mmlu.data.bundledDir);
    const mmluSample = mmluData.samples.find((s) => s.input.startsWith("A star's parallax angle")) as Sample;
    const ours = redux.buildRequest(data.samples[0] as Sample, data);
    expect(ours).toEqual(mmlu.buildRequest(mmluSample, mmluData));
    expect(ours).toMatchObject({ kind: 'loglikelihood', continuations: [' A', ' B', ' C', ' D'] });
  });

  it('scores the answer letter by log-likelihood', async () => {
    const data = await redux.load(redux.data.bundledDir);
    expect(redux.score(data.samples[0] as Sample, loglik([-3, -2, -1, -4]))).toMatchObject({ values: { acc: 1, acc_norm: 1 }, extracted: { acc: 'C' } });
    expect(redux.score(data.samples[0] as Sample, loglik([-1, -2, -3, -4])).values).toEqual({ acc: 0, acc_norm: 0 });
    expect(redux.score(data.samples[0] as Sample, loglik([-1])).values).toEqual({ acc: 0, acc_norm: 0 });
  });
});

describe('mmlu-redux task: malformed input', () => {
  it('a subject without its MMLU dev file is DATA_MISSING, naming the file', async () => {
    const dir = await copy();
    await rm(path.join(dir, 'dev', 'astronomy_dev.csv'));
    await expect(redux.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING', message: expect.stringMatching(/dev\/astronomy_dev\.csv: file not found/) });
  });

  it('an answer outside 0-3 names the row', async () => {
    const dir = await copy();
    const columns = MMLU_REDUX_FIXTURES['tasks/mmlu-redux/fixtures/astronomy/test-00000-of-00001.parquet']!.map(
      (c): ParquetColumn => (c.name === 'answer' ? { name: 'answer', kind: 'int64', values: [2, 2, 4, 2] } : c),
    );
    await writeFile(path.join(dir, 'astronomy', 'test-00000-of-00001.parquet'), writeParquet(columns));
    await expect(redux.load(dir)).rejects.toThrow(/test-00000-of-00001\.parquet#row:3: expected 4 choices and an answer 0-3, found 4 choices and answer 4/);
  });

  it('a folder without subject Parquet files is DATA_MISSING', async () => {
    await expect(redux.load(await mkdtemp(path.join(tmpdir(), 'mmlu-redux-')))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
