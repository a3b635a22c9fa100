import { describe, expect, it } from 'vitest';
import { answerColonLetterFilter, answerIsLetterFilter, applyRegexFilter, choiceLetters, lastStandaloneLetter } from '../../../src/scoring/index.ts';

// Each expectation was checked with Python's re on the reference pattern.
describe('letter answers in generated text', () => {
  const abcd = choiceLetters(4);

  it('choiceLetters', () => {
    expect(abcd).toEqual(['A', 'B', 'C', 'D']);
    expect(choiceLetters(10).at(-1)).toBe('J');
    expect(() => choiceLetters(0)).toThrow(RangeError);
  });

  it('"answer is (X)": first match, parentheses optional, case-sensitive, only the given letters', () => {
    const f = answerIsLetterFilter(abcd);
    expect(applyRegexFilter('so the answer is (B). Or the answer is (C)', f)).toBe('B');
    expect(applyRegexFilter('the answer is D', f)).toBe('D');
    expect(applyRegexFilter('The Answer is (B)', f)).toBeNull();
    expect(applyRegexFilter('the answer is (E)', f)).toBeNull();
  });

  it('simple-evals "Answer: X": case-insensitive, spaces/tabs and $ allowed, first match kept as written', () => {
    const f = answerColonLetterFilter(abcd);
    expect(applyRegexFilter('Reasoning.\nAnswer: C', f)).toBe('C');
    expect(applyRegexFilter('**ANSWER**:\t$D$', f)).toBeNull(); // "**" sits between the word and the colon
    expect(applyRegexFilter('ANSWER :\t$D$', f)).toBe('D');
    expect(applyRegexFilter('answer: b', f)).toBe('b');
    expect(applyRegexFilter('Answer:\nB', f)).toBeNull(); // [ \t]*, not \s*
  });

  it('the last standalone letter, with Unicode word boundaries as in Python', () => {
    expect(lastStandaloneLetter('A or B? I think (C), not D.', abcd)).toBe('D');
    expect(lastStandaloneLetter('ABBA', abcd)).toBeNull();
    expect(lastStandaloneLetter('选B。', abcd)).toBeNull();
    expect(lastStandaloneLetter('é A é', abcd)).toBe('A');
  });
});
