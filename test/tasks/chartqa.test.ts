import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import chartqa from '../../tasks/chartqa/task.ts';
import { pythonFloat, relaxedCorrectness } from '../../tasks/chartqa/scoring.ts';
import { generated } from '../support/completions.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';

const sample = (target: string): Sample => ({ id: 't', input: 'q', target });
const score = (text: string, target: string) => chartqa.score(sample(target), generated(text)).values['relaxed_accuracy'];

async function fixtureCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chartqa-'));
  await cp(chartqa.data.bundledDir, dir, { recursive: true });
  return dir;
}

describe('chartqa: bundled fixtures and prompt', () => {
  it('reads both halves of the official test layout, images resolved next to the JSON', async () => {
    const data = await chartqa.load(chartqa.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target])).toEqual([
      ['human/1', 'human', '17'],
      ['human/2', 'human', 'Apples'],
      ['human/3', 'human', '26'],
      ['augmented/1', 'augmented', '30'],
      ['augmented/2', 'augmented', '60.2'],
      ['augmented/3', 'augmented', 'Yes'],
    ]);
    expect(data.samples[0]?.images).toEqual([{ kind: 'path', path: path.join(chartqa.data.bundledDir, 'test/png/fixture_fruit.png') }]);
    expect(data.samples[4]?.origin).toEqual({ file: 'test/test_augmented.json#record', line: 2 });
    expect(data.files.map((f) => f.path)).toEqual(['test/test_human.json', 'test/test_augmented.json']);
  });

  it('asks for a single word or phrase, image first (VLMEvalKit ChartQA_TEST)', async () => {
    const data = await chartqa.load(chartqa.data.bundledDir);
    const s = data.samples[0] as Sample;
    expect(chartqa.requires).toEqual(['generate', 'chat', 'images']);
    expect(chartqa.buildRequest(s, data)).toEqual({
      kind: 'generate',
      prompt: { kind: 'chat', messages: [{ role: 'user', content: [{ type: 'image', source: s.images?.[0] }, { type: 'text', text: 'How many boxes of pears were sold?\nAnswer the question using a single word or phrase.' }] }] },
      params: { maxTokens: 1024, temperature: 0, until: [] },
    });
  });

  it('loads one half when the other is absent; refuses a folder with neither', async () => {
    const dir = await fixtureCopy();
    await rm(path.join(dir, 'test/test_human.json'));
    expect((await chartqa.load(dir)).samples.map((s) => s.subset)).toEqual(['augmented', 'augmented', 'augmented']);
    await rm(path.join(dir, 'test/test_augmented.json'));
    await expect(chartqa.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });

  it('names file and record of a malformed row', async () => {
    const dir = await fixtureCopy();
    const file = path.join(dir, 'test/test_human.json');
    await writeFile(file, JSON.stringify([{ imgname: 'a.png', query: 'q', label: '1' }, { imgname: 'b.png', query: 'q' }]));
    const err = await chartqa.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe(`${file}#record:2: field "label" missing`);
    await writeFile(file, '[\n  {"imgname": "a.png",\n   "query" "q"}\n]');
    await expect(chartqa.load(dir)).rejects.toThrow(`${file}:3: invalid JSON at column 12: `);
  });
});

describe('chartqa relaxed accuracy', () => {
  it('accepts numbers within 5% of the gold and refuses those beyond', () => {
    expect(score('60.2', '60.2')).toBe(1);
    expect(score(' 63 ', '60.2')).toBe(1); // 4.65% off
    expect(score('64', '60.2')).toBe(0); // 6.3% off
    expect(score('1.04', '1')).toBe(1);
    expect(score('1.05', '1')).toBe(0); // 0.050000000000000044 in binary floating point, as in Python
    expect(score('1.0501', '1')).toBe(0);
  });

  it('reads percentages as fractions on either side, as pix2struct does', () => {
    expect(relaxedCorrectness('0.3', '30%')).toBe(true);
    expect(relaxedCorrectness('30', '30%')).toBe(false); // 0.3 vs 30: no second try
    expect(relaxedCorrectness('30%', '30%')).toBe(true);
  });

  it('compares text (and a gold of 0) exactly, ignoring case only', () => {
    expect(score('apples', 'Apples')).toBe(1);
    expect(score('Apples.', 'Apples')).toBe(0);
    expect(score('The answer is Apples', 'Apples')).toBe(0);
    expect(relaxedCorrectness('0', '0.0')).toBe(false); // Python: `and target_float` is false for 0.0
    expect(relaxedCorrectness('0', '0')).toBe(true);
    expect(score('1,000', '1000')).toBe(0); // float("1,000") raises: a string comparison
  });

  it('parses numbers as Python float() does', () => {
    expect(pythonFloat(' 1_000.5 ')).toBe(1000.5);
    expect(pythonFloat('1e3')).toBe(1000);
    expect(pythonFloat('.5')).toBe(0.5);
    expect(pythonFloat('5.')).toBe(5);
    expect(pythonFloat('-inf')).toBe(-Infinity);
    expect(pythonFloat('0x10')).toBeNull();
    expect(pythonFloat('')).toBeNull();
    expect(pythonFloat('1__0')).toBeNull();
  });

  it('scores the answer after thinking, and an empty answer extracts nothing', () => {
    expect(score('<think>maybe 99</think>17', '17')).toBe(1);
    expect(chartqa.score(sample('17'), generated('  '))).toEqual({ values: { relaxed_accuracy: 0 }, extracted: { answer: null } });
  });
});

describe.skipIf(!hasDataset('chartqa'))(`chartqa on the real test split (${SKIP_REASON})`, () => {
  it('has 1,250 human and 1,250 augmented questions', async () => {
    const data = await chartqa.load(path.join(datasetsDir, 'chartqa'));
    expect(data.samples.filter((s) => s.subset === 'human')).toHaveLength(1250);
    expect(data.samples.filter((s) => s.subset === 'augmented')).toHaveLength(1250);
  });
});
