import { describe, expect, it } from 'vitest';
import { applyRegexFilter } from '../../../src/scoring/index.ts';

describe('applyRegexFilter (lm-eval regex + take_first)', () => {
  it('without groups yields the whole match', () => {
    expect(applyRegexFilter('x 12 y 34', { pattern: /\d+/ })).toBe('12');
  });

  it('with one group yields the group, even when empty', () => {
    expect(applyRegexFilter('ans: ', { pattern: /ans:(\d*)/ })).toBe('');
  });

  it('with several groups yields the first non-empty one (findall tuples)', () => {
    expect(applyRegexFilter('a 7 b', { pattern: /(x+)|(\d)/ })).toBe('7');
  });

  it('groupSelect -1 takes the last match, 0 the first', () => {
    expect(applyRegexFilter('1 and 22 and 333', { pattern: /\d+/, groupSelect: -1 })).toBe('333');
    expect(applyRegexFilter('1 and 22 and 333', { pattern: /\d+/, groupSelect: 0 })).toBe('1');
  });

  it('strips the selected text and returns null when nothing matches', () => {
    expect(applyRegexFilter('a:  9 ;', { pattern: /a:(\s+\d\s)/ })).toBe('9');
    expect(applyRegexFilter('nothing here', { pattern: /\d+/ })).toBeNull();
  });

  it('keeps the pattern flags and adds g itself', () => {
    expect(applyRegexFilter('ANSWER 4 answer 5', { pattern: /answer (\d)/i, groupSelect: -1 })).toBe('5');
  });
});
