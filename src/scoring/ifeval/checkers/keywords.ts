// keywords:* — keywords present, keyword frequency, forbidden words, letter frequency.
// The official code passes keywords to Python `re` unescaped; see pyPattern.
import type { Checker } from './types.ts';
import { compare, num, str } from './types.ts';
import { pyPattern } from './text-utils.ts';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Every keyword occurs, case-insensitive, anywhere (also inside longer words). */
export const existence: Checker = {
  args: { keywords: 'strings' },
  check: (r, kw) => list(kw['keywords']).every((k) => pyPattern(k, 'i').test(r)),
};

/** Case-insensitive occurrences of the keyword (substring, not whole word) vs the threshold. */
export const frequency: Checker = {
  args: { keyword: 'string', frequency: 'int', relation: 'relation' },
  check(r, kw) {
    const n = (r.match(pyPattern(str(kw['keyword']).trim(), 'gi')) ?? []).length;
    return compare(n, kw['relation'], kw['frequency']);
  },
};

/** No forbidden word as a whole word (\b...\b), case-insensitive. */
export const forbiddenWords: Checker = {
  args: { forbidden_words: 'strings' },
  check: (r, kw) => !list(kw['forbidden_words']).some((w) => pyPattern(`\\b${w}\\b`, 'i').test(r)),
};

/** Occurrences of one letter in the lowercased response vs the threshold. */
export const letterFrequency: Checker = {
  args: { letter: 'string', let_frequency: 'int', let_relation: 'relation' },
  check(r, kw) {
    const letter = str(kw['letter']).trim().toLowerCase();
    let n = 0;
    for (const ch of r.toLowerCase()) if (ch === letter) n++;
    return compare(n, kw['let_relation'], num(kw['let_frequency']));
  },
};
