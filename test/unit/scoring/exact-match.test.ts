import { describe, expect, it } from 'vitest';
import { exactMatch, normalizeForExactMatch } from '../../../src/scoring/index.ts';

describe('exactMatch (lm-eval exact_match)', () => {
  it('compares exactly by default', () => {
    expect(exactMatch('Paris', 'Paris')).toBe(1);
    expect(exactMatch('paris', 'Paris')).toBe(0);
    expect(exactMatch(' Paris', 'Paris')).toBe(0);
  });

  it('applies regexes_to_ignore to both sides, every occurrence, in order', () => {
    const opts = { regexesToIgnore: [/,/, /\$/, /.*#### /s, /\.(?=\n?$)/] };
    expect(normalizeForExactMatch('$1,234,567.', opts)).toBe('1234567');
    expect(normalizeForExactMatch('step 1\n#### 2,000', opts)).toBe('2000');
    expect(exactMatch('$1,000.', '1,000', opts)).toBe(1);
    // Only a final period goes: an inner decimal point stays, so 18.50 is not 1850.
    expect(exactMatch('18.50', '1850', opts)).toBe(0);
  });

  it('folds case, punctuation (ASCII, as string.punctuation) and digits when asked', () => {
    expect(exactMatch('YES!', 'yes', { ignoreCase: true, ignorePunctuation: true })).toBe(1);
    expect(exactMatch('«yes»', 'yes', { ignorePunctuation: true })).toBe(0);
    expect(exactMatch('abc123', 'abc', { ignoreNumbers: true })).toBe(1);
  });

  it('never matches a null prediction (lm-eval "[invalid]")', () => {
    expect(exactMatch(null, '')).toBe(0);
  });
});
