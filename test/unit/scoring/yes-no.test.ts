import { describe, expect, it } from 'vitest';
import { extractYesNo, processPunctuation } from '../../../src/scoring/yes-no.ts';

describe('processPunctuation (VQA evaluation)', () => {
  it('deletes a mark next to a space and spaces out one between words', () => {
    expect(processPunctuation('yes, it is')).toBe('yes it is');
    expect(processPunctuation('yes/no')).toBe('yes no');
    expect(processPunctuation('1,000 people')).toBe('1000 people'); // a comma between digits deletes every mark
  });

  it('removes periods not followed by a digit, keeping decimal points, at most 32 of them', () => {
    expect(processPunctuation('It is 3.5 m.')).toBe('It is 3.5 m');
    expect(processPunctuation(`${'.'.repeat(40)}x`)).toBe(`${'.'.repeat(8)}x`);
  });
});

describe('extractYesNo (VLMEvalKit YOrN_Extraction)', () => {
  it('reads a leading or embedded yes / no', () => {
    expect(extractYesNo('Yes, the circles are the same size.')).toBe('yes');
    expect(extractYesNo('No.')).toBe('no');
    expect(extractYesNo('The answer is no')).toBe('no');
  });

  it('is Unknown when both or neither appear', () => {
    expect(extractYesNo('Yes and no.')).toBe('unknown');
    expect(extractYesNo('It is impossible to tell.')).toBe('unknown');
    expect(extractYesNo('')).toBe('unknown');
    // Words, not substrings: "not" and "nothing" are not "no", "yesterday" is not "yes".
    expect(extractYesNo('There is nothing there, not one')).toBe('unknown');
    expect(extractYesNo('yesterday')).toBe('unknown');
  });

  it('finds "yes" after punctuation the VQA rule removes', () => {
    expect(extractYesNo('(Yes)')).toBe('yes');
    expect(extractYesNo('"No"')).toBe('no');
    expect(extractYesNo('**Yes**')).toBe('unknown'); // "*" is not VQA punctuation: the word is "**yes**"
  });
});
