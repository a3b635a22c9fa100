import { describe, expect, it } from 'vitest';
import { argmax, charLength, scoreLetterChoice, scoreLoglikelihoodChoice, scoreMultipleChoice } from '../../../src/scoring/index.ts';
import { generated, loglik } from '../../support/completions.ts';

describe('scoreMultipleChoice (lm-eval acc / acc_norm)', () => {
  it('acc and acc_norm differ when choice lengths differ', () => {
    // Summed log-probs favour the short choice; per character the long one is likelier:
    // "Paris" -4/5 = -0.8, "the city of Lyon" -8/16 = -0.5.
    const r = scoreMultipleChoice([-4, -8], ['Paris', 'the city of Lyon'], 1);
    expect(r).toEqual({ pred: 0, predNorm: 1, acc: 0, accNorm: 1 });
  });

  it('acc_norm equals acc for single-letter choices (MMLU)', () => {
    const r = scoreMultipleChoice([-2.1, -0.3, -1.7, -5], ['A', 'B', 'C', 'D'], 1);
    expect(r).toEqual({ pred: 1, predNorm: 1, acc: 1, accNorm: 1 });
  });

  it('breaks ties towards the first index, as numpy.argmax', () => {
    expect(argmax([-1, -1, -2])).toBe(0);
    expect(argmax([-Infinity, -Infinity])).toBe(0);
  });

  it('treats unusable log-probabilities as a wrong answer instead of throwing', () => {
    expect(scoreMultipleChoice([-1, Number.NaN], ['A', 'B'], 0)).toMatchObject({ pred: -1, acc: 0 });
    expect(scoreMultipleChoice([-1], ['A', 'B'], 0)).toMatchObject({ pred: -1, acc: 0, accNorm: 0 });
  });

  it('counts characters as Python len() does (code points)', () => {
    expect(charLength('😀a')).toBe(2);
  });
});

describe('scoreLoglikelihoodChoice (the Score of HellaSwag, PIQA and letter-choice tasks)', () => {
  it('reports acc / acc_norm with the chosen indices, or their labels', () => {
    expect(scoreLoglikelihoodChoice(loglik([-4, -8]), ['Paris', 'the city of Lyon'], 1)).toEqual({ values: { acc: 0, acc_norm: 1 }, extracted: { acc: '0', acc_norm: '1' } });
    expect(scoreLetterChoice(loglik([-2, -1, -3]), ['A', 'B', 'C'], 1)).toEqual({ values: { acc: 1, acc_norm: 1 }, extracted: { acc: 'B', acc_norm: 'B' } });
  });

  it('scores unusable log-probabilities and a generated completion 0, with the reason', () => {
    expect(scoreLoglikelihoodChoice(loglik([-1]), ['a', 'b'], 0)).toEqual({
      values: { acc: 0, acc_norm: 0 },
      extracted: { acc: null, acc_norm: null },
      explanation: 'unusable log-probabilities: [-1]',
    });
    expect(scoreLoglikelihoodChoice(generated('B'), ['A', 'B'], 1)).toEqual({ values: { acc: 0, acc_norm: 0 }, explanation: 'expected log-likelihoods, got a generate completion' });
  });
});
