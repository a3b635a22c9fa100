// change_case:* — capitalisation instructions.
import type { Checker } from './types.ts';
import { compare } from './types.ts';
import { detectLanguage } from './language.ts';
import { pyIsLower, pyIsUpper, wordTokenize } from './text-utils.ts';

/** Official: `value.isupper() and langdetect.detect(value) == "en"` (undetectable counts as followed). */
export const englishCapital: Checker = {
  args: {},
  check: (response) => pyIsUpper(response) && isEnglishOrUnknown(response),
};

export const englishLowercase: Checker = {
  args: {},
  check: (response) => pyIsLower(response) && isEnglishOrUnknown(response),
};

function isEnglishOrUnknown(text: string): boolean {
  // Our stopword lists are lowercase; langdetect itself is case-insensitive in effect here.
  const lang = detectLanguage(text.toLowerCase());
  return lang === null || lang === 'en';
}

/** Words (nltk word_tokenize tokens) for which `isupper()` holds, compared with the threshold. */
export const capitalWordFrequency: Checker = {
  args: { capital_frequency: 'int', capital_relation: 'relation' },
  check(response, kwargs) {
    const n = wordTokenize(response).filter(pyIsUpper).length;
    return compare(n, kwargs['capital_relation'], kwargs['capital_frequency']);
  },
};
