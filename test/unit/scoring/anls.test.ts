import { describe, expect, it } from 'vitest';
import { anls, levenshtein, normalizedLevenshtein, normalizeForAnls } from '../../../src/scoring/anls.ts';

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', 'abc')).toBe(0);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
  });

  it('works on code points, not UTF-16 units', () => {
    expect(levenshtein('𝑥1', 'x1')).toBe(1);
    expect(levenshtein('é', 'e')).toBe(1);
  });
});

describe('anls (RRC DocVQA script)', () => {
  it('normalises case and whitespace before comparing', () => {
    expect(normalizeForAnls('  Dr.   ALVAREZ \n')).toBe('dr. alvarez');
    expect(anls('dr.  alvarez', ['Dr. Alvarez'])).toBe(1);
  });

  it('gives 1 − NL above the threshold and 0 below, best over gold answers', () => {
    // "4417" vs "4411": 1 edit over 4 characters → 0.75
    expect(anls('4411', ['4417'])).toBe(0.75);
    expect(anls('4411', ['9999', '4417'])).toBe(0.75);
    // 3 edits over 4 → 0.25 < 0.5 → 0
    expect(anls('4999', ['4417'])).toBe(0);
  });

  it('keeps a similarity of exactly 0.5, as the script does (score < τ → 0)', () => {
    expect(normalizedLevenshtein('abcd', 'abxy')).toBe(0.5);
    expect(anls('abxy', ['abcd'])).toBe(0.5);
  });

  it('scores an empty prediction 0 against a non-empty gold, and two empties as equal', () => {
    expect(anls('', ['4417'])).toBe(0);
    expect(anls('', [''])).toBe(1);
    expect(anls('x', [])).toBe(0);
  });
});
