// VLMEvalKit's can_infer, case by case (vlmeval/utils/matching_util.py @e8e78f0).
import { describe, expect, it } from 'vitest';
import type { MetricValue } from '../../../src/core/index.ts';
import { inferChoice, inferOptionLetter, inferOptionText, scoreInferredChoice, summarizeWeightedSum, type ChoiceOption } from '../../../src/scoring/index.ts';
import { generated, loglik } from '../../support/completions.ts';

const opts = (...texts: string[]): ChoiceOption[] => texts.map((text, i) => ({ letter: 'ABCDEFGH'[i] as string, text }));
const four = opts('cat', 'dog', 'bird', 'fish');

describe('can_infer_option', () => {
  it('takes a lone option letter among the last four words', () => {
    expect(inferOptionLetter('B', four)).toBe('B');
    expect(inferOptionLetter('(C) bird', four)).toBe('C');
    expect(inferOptionLetter('Answer: D.', four)).toBe('D');
    expect(inferOptionLetter('**A**', four)).toBe('A');
  });

  it('ignores a letter far from the end, unless "answer is X" says it', () => {
    expect(inferOptionLetter('B is what I would pick if I had to choose one', four)).toBeNull();
    expect(inferOptionLetter('The correct answer is **B**, because dogs bark at night', four)).toBe('B');
  });

  it('two different letters are ambiguous', () => {
    expect(inferOptionLetter('A or B', four)).toBeNull();
  });

  it("'Z' for a refusal or a lone Z; nothing for an API failure", () => {
    expect(inferOptionLetter('Cannot determine the answer from the image.', four)).toBe('Z');
    expect(inferOptionLetter('Z', four)).toBe('Z');
    expect(inferOptionLetter('Failed to obtain answer via API. B', four)).toBeNull();
  });

  it('keeps the verbose pattern as VLMEvalKit has it: case-insensitive, A-D only, no word boundary', () => {
    expect(inferOptionLetter('well, the answer is c since birds fly over the whole lake', four)).toBe('C');
    expect(inferOptionLetter('The answer is about the animal that barks loudly at night', four)).toBe('A');
    expect(inferOptionLetter('So the answer is E, as explained in the long text above here', opts('a', 'b', 'c', 'd', 'e'))).toBeNull();
  });
});

describe('can_infer_text', () => {
  it('one option text inside a short answer', () => {
    expect(inferOptionText('It is a Dog.', four)).toBe('B');
    expect(inferOptionText('cat and dog', four)).toBeNull();
    expect(inferOptionText('the animal in the picture is a dog', four)).toBeNull(); // longer than 2 × Σ option lengths
  });

  it('can_infer tries the letter first, then the text', () => {
    expect(inferChoice('fish', four)).toBe('D');
    expect(inferChoice('A', four)).toBe('A');
  });
});

describe('scoreInferredChoice', () => {
  it('scores the inferred letter against the gold one, thinking removed', () => {
    expect(scoreInferredChoice(generated('<think>C? no.</think> B'), four, 'B')).toEqual({ values: { acc: 1 }, extracted: { choice: 'B' } });
    expect(scoreInferredChoice(generated('Z'), four, 'B')).toMatchObject({ values: { acc: 0 }, extracted: { choice: null }, explanation: expect.stringMatching(/refusal/) });
    expect(scoreInferredChoice(loglik([0, 1]), four, 'B').values['acc']).toBe(0);
  });
});

describe('summarizeWeightedSum', () => {
  const mv = (value: number, stderr: number, n: number): MetricValue => ({ value, stderr, ci95: [0, 1], n, higherIsBetter: true });
  it('adds subsets in quadrature and terms of one subset linearly; absent when a term is', () => {
    const values: Record<string, MetricValue> = { 'acc@X': mv(0.5, 0.1, 10), 'acc@Y': mv(0.7, 0.2, 20), 'plus@X': mv(0.3, 0.1, 10) };
    const r = summarizeWeightedSum(
      [{ metric: 'acc', subset: 'X', weight: 100 }, { metric: 'plus', subset: 'X', weight: 100 }, { metric: 'acc', subset: 'Y', weight: 1 }],
      true,
      (m, s) => values[`${m}@${s}`] ?? null,
    );
    expect(r?.value).toBeCloseTo(80.7, 12);
    expect(r?.stderr).toBeCloseTo(Math.sqrt(20 ** 2 + 0.2 ** 2), 12);
    expect(r?.n).toBe(30);
    expect(summarizeWeightedSum([{ metric: 'acc', subset: 'Z', weight: 1 }], true, (m, s) => values[`${m}@${s}`] ?? null)).toBeNull();
  });
});
