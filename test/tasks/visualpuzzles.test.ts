import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateTask } from '../../src/scoring/index.ts';
import visualpuzzles from '../../tasks/visualpuzzles/task.ts';
import { parseOptions, TSV } from '../../tasks/visualpuzzles/load.ts';
import { extractPuzzleAnswer } from '../../tasks/visualpuzzles/scoring.ts';
import { generated } from '../support/completions.ts';
import { dropColumn, editTsv, fixtureCopy, scoredResult, setCell } from '../support/vlmeval-tsv.ts';

const load = () => visualpuzzles.load(visualpuzzles.data.bundledDir);
const promptOf = async (i: number): Promise<string> => {
  const data = await load();
  const r = visualpuzzles.buildRequest(data.samples[i]!, data);
  if (r.kind !== 'generate' || r.prompt.kind !== 'chat') throw new Error('chat expected');
  const content = r.prompt.messages[0]?.content;
  return Array.isArray(content) && content[1]?.type === 'text' ? content[1].text : '';
};

describe('visualpuzzles: bundled fixtures (VLMEvalKit VisualPuzzles.tsv layout)', () => {
  it('one puzzle per reasoning category; options parsed from the list literal', async () => {
    const data = await load();
    expect(data.samples.map((s) => [s.id, s.subset, s.target, s.choices ?? null])).toEqual([
      ['0', 'algorithmic', 'B', ['24', '32', '30', '18']],
      ['1', 'analogical', 'B', null],
      ['2', 'deductive', 'C', ['Tom', 'Ann', 'Bob', 'Cannot tell']],
      ['3', 'inductive', 'A', ['circle', 'square', 'triangle', 'star']],
      ['4', 'spatial', 'B', ['3', '4', '5', '6']],
    ]);
    expect(data.samples[0]?.metadata).toEqual({ difficulty: 'easy' });
  });

  it("builds VLMEvalKit's prompt, with options or with the choices in the image (golden)", async () => {
    const instruction =
      "\nSolve the multiple-choice question and then answer with the option letter from the given choices. The last line of your response should be of the following format:'Answer: $LETTER' (without quotes) where LETTER is one of options. Think step by step before answering.";
    expect(await promptOf(0)).toBe(`What number comes next in the sequence?\nOptions:\n(A) 24\n(B) 32\n(C) 30\n(D) 18${instruction}`);
    expect(await promptOf(1)).toBe(`Which shape completes the analogy?\nOptions: Choose from (A) (B) (C) (D) in the image.${instruction}`);
  });

  it("splits options at quotes as VLMEvalKit's regex does", () => {
    expect(parseOptions("['a', 'b c']")).toEqual(['a', 'b c']);
    expect(parseOptions("['it's', 'x']")).toEqual(['it', ', ']);
  });
});

describe('visualpuzzles: bad rows', () => {
  it('broken base64 loads; a missing options column names file and line', async () => {
    const dir = await fixtureCopy(visualpuzzles.data.bundledDir, 'vp');
    await editTsv(path.join(dir, TSV), setCell(3, 'image', '?'.repeat(99)));
    expect((await visualpuzzles.load(dir)).samples[3]?.images).toEqual([{ kind: 'base64', data: '?'.repeat(99) }]);
    await editTsv(path.join(dir, TSV), setCell(3, 'answer', 'AB'));
    await expect(visualpuzzles.load(dir)).rejects.toThrow(/VisualPuzzles\.tsv:5: column "answer" must be one letter/);
    await editTsv(path.join(dir, TSV), dropColumn('options'));
    await expect(visualpuzzles.load(dir)).rejects.toThrow(/VisualPuzzles\.tsv:1: missing column "options"/);
  });
});

describe('visualpuzzles: scoring', () => {
  it('the last "Answer: X", any case; nothing else counts', async () => {
    const q = (await load()).samples[0]!;
    expect(visualpuzzles.score(q, generated('Doubling each time gives 32.\nAnswer: B'))).toEqual({ values: { acc: 1 }, extracted: { 'answer-colon': 'B' } });
    expect(visualpuzzles.score(q, generated('answer: A ... wait. Final answer: b')).values['acc']).toBe(1);
    expect(visualpuzzles.score(q, generated('Answer: A')).values['acc']).toBe(0);
    expect(visualpuzzles.score(q, generated('The answer is B')).extracted).toEqual({ 'answer-colon': null });
    expect(extractPuzzleAnswer('Answer: Bx')).toBeNull();
    expect(extractPuzzleAnswer('<think>Answer: C</think>')).toBe('C'); // raw text; the scorer strips thinking first
    expect(visualpuzzles.score(q, generated('<think>Answer: B</think>Answer: C')).values['acc']).toBe(0);
  });

  it('accuracy per reasoning category', () => {
    const r = aggregateTask(visualpuzzles, [scoredResult('visualpuzzles', '0', { acc: 1 }, 'algorithmic'), scoredResult('visualpuzzles', '1', { acc: 0 }, 'spatial')]);
    expect(r.subsets?.['algorithmic']?.['acc']?.value).toBe(1);
    expect(r.metrics['acc']?.value).toBe(0.5);
  });
});
