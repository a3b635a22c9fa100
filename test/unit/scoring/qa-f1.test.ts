import { describe, expect, it } from 'vitest';
import { containsAnswerTokens, maxOverGolds, normalizeAnswer, pySplit, squadExactMatch, squadTokenF1 } from '../../../src/scoring/index.ts';

describe('SQuAD-style answer normalisation and token F1 (qa-f1)', () => {
  it('lowercases, drops ASCII punctuation and whole-word articles, collapses whitespace', () => {
    expect(normalizeAnswer('  The  Eiffel-Tower, (Paris)! ')).toBe('eiffeltower paris');
    expect(normalizeAnswer('A theme and an anthem')).toBe('theme and anthem');
    // Python's \b is Unicode-aware: "a" after "é" is inside a word and stays.
    expect(normalizeAnswer('éa a')).toBe('éa');
    // Only string.punctuation goes: typographic quotes stay.
    expect(normalizeAnswer('«Paris»')).toBe('«paris»');
  });

  it("splits on Python's whitespace set, not JavaScript's", () => {
    expect(pySplit('a\x1cb\u00a0c\ufeffd')).toEqual(['a', 'b', 'c\ufeffd']);
  });

  it('computes exact match and multiset token F1 as SQuAD v1.1', () => {
    expect(squadExactMatch('the Beatles', 'Beatles!')).toBe(1);
    expect(squadTokenF1('new york city', 'New York')).toBeCloseTo(0.8); // P 2/3, R 1
    expect(squadTokenF1('york york', 'york')).toBeCloseTo(2 / 3); // a repeated token counts once per gold occurrence
    expect(squadTokenF1('', '')).toBe(0); // v1.1: no common token
    expect(maxOverGolds('NYC', ['New York City', 'NYC'], squadExactMatch)).toBe(1);
    expect(maxOverGolds('x', [], squadTokenF1)).toBe(0);
  });

  it('finds a gold answer as whole tokens inside a longer response', () => {
    expect(containsAnswerTokens('It was first aired in 1987, I think.', '1987')).toBe(true);
    expect(containsAnswerTokens('In 19870.', '1987')).toBe(false);
    expect(containsAnswerTokens('Edda Quist wrote it', 'Quist Edda')).toBe(false);
    expect(containsAnswerTokens('anything', 'the')).toBe(false); // normalises to nothing
  });
});
