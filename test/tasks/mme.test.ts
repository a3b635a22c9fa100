import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type SampleResult } from '../../src/core/index.ts';
import { aggregateTask } from '../../src/scoring/index.ts';
import mme from '../../tasks/mme/task.ts';
import { COGNITION, PERCEPTION, TSV } from '../../tasks/mme/load.ts';
import { parseMmeAnswer } from '../../tasks/mme/scoring.ts';
import { generated } from '../support/completions.ts';
import { dropColumn, editTsv, fixtureCopy, scoredResult, setCell } from '../support/vlmeval-tsv.ts';

const load = () => mme.load(mme.data.bundledDir);

describe('mme: bundled fixtures (VLMEvalKit MME.tsv layout)', () => {
  it('two questions per image, ids carrying the image, subtasks as subsets', async () => {
    const data = await load();
    expect(data.samples.map((s) => [s.id, s.subset, s.target])).toEqual([
      ['count/fixture_1.png#0', 'count', 'Yes'], ['count/fixture_1.png#1', 'count', 'No'],
      ['color/fixture_2.png#2', 'color', 'Yes'], ['color/fixture_2.png#3', 'color', 'No'],
      ['position/fixture_3.png#4', 'position', 'Yes'], ['position/fixture_3.png#5', 'position', 'No'],
      ['existence/fixture_4.png#6', 'existence', 'Yes'], ['existence/fixture_4.png#7', 'existence', 'No'],
      ['numerical_calculation/fixture_5.png#8', 'numerical_calculation', 'Yes'], ['numerical_calculation/fixture_5.png#9', 'numerical_calculation', 'No'],
    ]);
    expect(data.samples[1]?.images).toEqual(data.samples[0]?.images);
  });

  it('the prompt is the question itself, after the image', async () => {
    const data = await load();
    const r = mme.buildRequest(data.samples[3]!, data);
    if (r.kind !== 'generate' || r.prompt.kind !== 'chat') throw new Error('chat expected');
    const content = r.prompt.messages[0]?.content;
    expect(Array.isArray(content) ? content.map((p) => p.type) : []).toEqual(['image', 'text']);
    expect(Array.isArray(content) ? content[1] : null).toEqual({ type: 'text', text: 'Is the square green? Please answer yes or no.' });
  });
});

describe('mme: bad rows', () => {
  it('broken base64 loads; a missing image_path column or a lone question per image is a DataError', async () => {
    const dir = await fixtureCopy(mme.data.bundledDir, 'mme');
    await editTsv(path.join(dir, TSV), setCell(2, 'image', '='.repeat(70)));
    expect((await mme.load(dir)).samples[3]?.images).toEqual([{ kind: 'base64', data: '='.repeat(70) }]);
    await editTsv(path.join(dir, TSV), setCell(3, 'image_path', 'color/other.png'));
    await expect(mme.load(dir)).rejects.toThrow(/MME\.tsv:4: image color\/fixture_2\.png has 1 question\(s\)/);
    await editTsv(path.join(dir, TSV), setCell(3, 'answer', 'maybe'));
    await expect(mme.load(dir)).rejects.toThrow(/MME\.tsv:5: column "answer" must be Yes or No/);
    await editTsv(path.join(dir, TSV), dropColumn('image_path'));
    const err = await mme.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(String(err)).toMatch(/MME\.tsv:1: missing column "image_path"/);
  });
});

describe('mme: answer parsing (calculation.py)', () => {
  it('yes/no itself, else the first four characters', () => {
    expect(parseMmeAnswer('Yes')).toBe('yes');
    expect(parseMmeAnswer(' no.\n')).toBe('no');
    expect(parseMmeAnswer('Yes, there are two circles.')).toBe('yes');
    expect(parseMmeAnswer('Not at all')).toBe('no'); // "not " holds "no"
    expect(parseMmeAnswer('The answer is yes')).toBe('other');
  });

  it('scores against the gold answer; other is wrong with no extraction', async () => {
    const [yesQ, noQ] = (await load()).samples;
    expect(mme.score(yesQ!, generated('Yes'))).toEqual({ values: { acc: 1 }, extracted: { 'yes-no': 'yes' } });
    expect(mme.score(noQ!, generated('Yes'))).toEqual({ values: { acc: 0 }, extracted: { 'yes-no': 'yes' } });
    expect(mme.score(noQ!, generated('I cannot tell'))).toEqual({ values: { acc: 0 }, extracted: { 'yes-no': null } });
  });
});

describe('mme: acc+, subtask scores and totals', () => {
  /** Both questions of one image in `category`, right or wrong. */
  const pair = (category: string, image: number, a: number, b: number): SampleResult[] => [
    scoredResult('mme', `${category}/${image}.png#${image}a`, { acc: a }, category),
    scoredResult('mme', `${category}/${image}.png#${image}b`, { acc: b }, category),
  ];

  it('score = 100 × (acc + acc+) per subtask; perception and cognition sum their subtasks', () => {
    const all: SampleResult[] = [];
    // Every subtask: image 1 both right, image 2 one right → acc 3/4, acc+ 1/2, score 125.
    for (const c of [...PERCEPTION, ...COGNITION]) all.push(...pair(c, 1, 1, 1), ...pair(c, 2, 1, 0));
    // Except count: both images fully right → 200.
    all.splice(all.findIndex((s) => s.sampleId === 'count/2.png#2b'), 1, scoredResult('mme', 'count/2.png#2b', { acc: 1 }, 'count'));
    const r = aggregateTask(mme, all);
    expect(r.subsets?.['count']?.['score']?.value).toBeCloseTo(200, 9);
    expect(r.subsets?.['OCR']?.['acc_plus']?.value).toBe(0.5);
    expect(r.subsets?.['OCR']?.['score']?.value).toBeCloseTo(125, 9);
    expect(r.metrics['perception']?.value).toBeCloseTo(200 + 9 * 125, 9);
    expect(r.metrics['cognition']?.value).toBeCloseTo(4 * 125, 9);
    expect(r.metrics['mme_sum']?.value).toBeCloseTo(200 + 13 * 125, 9);
    expect(r.metrics['perception']?.n).toBe(40);
  });

  it('totals are absent when a subtask is missing (the bundled fixtures have five of fourteen)', () => {
    const r = aggregateTask(mme, [...pair('count', 1, 1, 1), ...pair('color', 2, 1, 0)]);
    expect(r.metrics['perception']).toBeUndefined();
    expect(r.metrics['mme_sum']).toBeUndefined();
    expect(r.subsets?.['color']?.['score']?.value).toBeCloseTo(50, 9);
  });
});
