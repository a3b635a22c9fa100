import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import docvqa from '../../tasks/docvqa/task.ts';
import { generated } from '../support/completions.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';

async function fixtureCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'docvqa-'));
  await cp(docvqa.data.bundledDir, dir, { recursive: true });
  return dir;
}

describe('docvqa: bundled fixtures and prompt', () => {
  it('reads val_v1.0.json with every gold answer and the page next to it', async () => {
    const data = await docvqa.load(docvqa.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.target])).toEqual([
      ['90001', '4417'],
      ['90002', '$1,250.00'],
      ['90003', 'March 3, 2021'],
      ['90004', 'Dr. Alvarez'],
      ['90005', 'Room 214'],
    ]);
    const s = data.samples[1] as Sample;
    expect(s.metadata?.['answers']).toBe('["$1,250.00","1,250.00"]');
    expect(s.images).toEqual([{ kind: 'path', path: path.join(docvqa.data.bundledDir, 'documents/fxdoc0001_1.png') }]);
    expect(s.origin).toEqual({ file: 'val_v1.0.json#data', line: 2 });
    expect(data.files.map((f) => f.path)).toEqual(['val_v1.0.json']);
  });

  it('builds the short-answer request (VLMEvalKit DocVQA_VAL)', async () => {
    const data = await docvqa.load(docvqa.data.bundledDir);
    const s = data.samples[0] as Sample;
    const req = docvqa.buildRequest(s, data);
    expect(req).toMatchObject({ kind: 'generate', params: { maxTokens: 1024, temperature: 0, until: [] } });
    expect(req.kind === 'generate' && req.prompt.kind === 'chat' ? req.prompt.messages : null).toEqual([
      { role: 'user', content: [{ type: 'image', source: s.images?.[0] }, { type: 'text', text: 'What is the invoice number?\nAnswer the question using a single word or phrase.' }] },
    ]);
  });

  it('also reads the "with question types" file name; refuses a folder with neither', async () => {
    const dir = await fixtureCopy();
    await cp(path.join(dir, 'val_v1.0.json'), path.join(dir, 'val_v1.0_withQT.json'));
    await rm(path.join(dir, 'val_v1.0.json'));
    expect((await docvqa.load(dir)).files.map((f) => f.path)).toEqual(['val_v1.0_withQT.json']);
    await rm(path.join(dir, 'val_v1.0_withQT.json'));
    await expect(docvqa.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });

  it('names file and record of a question without answers, and a repeated questionId', async () => {
    const dir = await fixtureCopy();
    const file = path.join(dir, 'val_v1.0.json');
    const row = { questionId: 1, question: 'q', image: 'documents/a.png', answers: ['x'] };
    await writeFile(file, JSON.stringify({ data: [row, { ...row, questionId: 2, answers: [] }] }));
    const err = await docvqa.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe(`${file}#data:2: field "answers" must be a non-empty list of strings`);
    await writeFile(file, JSON.stringify({ data: [row, row] }));
    await expect(docvqa.load(dir)).rejects.toThrow(`${file}#data:2: questionId 1 listed twice`);
  });
});

describe('docvqa scoring', () => {
  it('takes the best ANLS over all gold answers', async () => {
    const data = await docvqa.load(docvqa.data.bundledDir);
    const total = data.samples[1] as Sample; // golds "$1,250.00", "1,250.00"
    expect(docvqa.score(total, generated('1,250.00'))).toEqual({ values: { anls: 1 }, extracted: { answer: '1,250.00' } });
    expect(docvqa.score(total, generated('1,250.0')).values['anls']).toBeCloseTo(1 - 1 / 8, 12);
    expect(docvqa.score(total, generated('about twelve hundred')).values['anls']).toBe(0);
  });

  it('ignores case, surrounding space and thinking; an empty answer extracts nothing', () => {
    const s: Sample = { id: 'x', input: 'q', target: 'Dr. Alvarez', metadata: { answers: '["Dr. Alvarez"]' } };
    expect(docvqa.score(s, generated('<think>hmm</think>  DR. ALVAREZ ')).values['anls']).toBe(1);
    expect(docvqa.score(s, generated(''))).toEqual({ values: { anls: 0 }, extracted: { answer: null } });
  });
});

describe.skipIf(!hasDataset('docvqa'))(`docvqa on the real validation split (${SKIP_REASON})`, () => {
  it('has 5,349 questions', async () => {
    const data = await docvqa.load(path.join(datasetsDir, 'docvqa'));
    expect(data.samples).toHaveLength(5349);
  });
});
