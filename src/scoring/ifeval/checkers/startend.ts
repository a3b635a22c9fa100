// startend:* and punctuation:no_comma — how the response ends or is wrapped; commas.
import type { Checker } from './types.ts';
import { str } from './types.ts';

/** Ends with the phrase, case-insensitive, after trimming whitespace then double quotes. */
export const endChecker: Checker = {
  args: { end_phrase: 'string' },
  check: (r, kw) => r.trim().replace(/^"+|"+$/g, '').toLowerCase().endsWith(str(kw['end_phrase']).trim().toLowerCase()),
};

/** Wrapped in double quotes (after trimming), at least two characters. */
export const quotation: Checker = {
  args: {},
  check(r) {
    const v = r.trim();
    return v.length > 1 && v.startsWith('"') && v.endsWith('"');
  },
};

export const noComma: Checker = {
  args: {},
  check: (r) => !r.includes(','),
};
