// MMLU-Pro scoring. Two readings of the same output, both from the references:
// - "official" (primary): evaluate_from_local.py's chain — `answer is \(?([A-J])\)?`, else
//   `.*[aA]nswer:\s*([A-J])`, else the last standalone letter A-J. The official script then
//   replaces a failed extraction with a random letter; we score it 0 and count it as not
//   extracted (DESIGN.md §1.6: nothing is turned into a fake answer), so our figure is lower by
//   about a tenth of the unextracted share.
// - "custom-extract": lm-eval mmlu_pro v3.1, the first regex only, then exact_match (ignore case
//   and punctuation, which cannot change a single letter).
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerIsLetterFilter, answerText, applyRegexFilter, lastStandaloneLetter, type RegexFilterSpec } from '../../src/scoring/index.ts';
import { LETTERS } from './load.ts';
import { UNTIL } from './prompt.ts';

export const OFFICIAL = 'official';
export const CUSTOM_EXTRACT = 'custom-extract';
export const METRICS = { official: 'acc', customExtract: `exact_match,${CUSTOM_EXTRACT}` } as const;

const ANSWER_IS = answerIsLetterFilter(LETTERS);
// Python's `.` stops only at "\n" (JavaScript's also at "\r" and U+2028/9), hence [^\n]; `\s*` may
// cross lines, as in the reference.
const ANSWER_COLON: RegexFilterSpec = { pattern: /[^\n]*[aA]nswer:\s*([A-J])/, groupSelect: 0 };

/** The official extraction chain; null when all three steps fail. */
export function extractOfficial(text: string): string | null {
  return applyRegexFilter(text, ANSWER_IS) ?? applyRegexFilter(text, ANSWER_COLON) ?? lastStandaloneLetter(text, LETTERS);
}

export function scoreMmluPro(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return {
      values: { [METRICS.official]: 0, [METRICS.customExtract]: 0 },
      extracted: { [OFFICIAL]: null, [CUSTOM_EXTRACT]: null },
      explanation: `expected generated text, got a ${completion.kind} completion`,
    };
  }
  const text = answerText(completion.text, UNTIL);
  const official = extractOfficial(text);
  const strict = applyRegexFilter(text, ANSWER_IS);
  return {
    values: { [METRICS.official]: official === sample.target ? 1 : 0, [METRICS.customExtract]: strict === sample.target ? 1 : 0 },
    extracted: { [OFFICIAL]: official, [CUSTOM_EXTRACT]: strict },
  };
}
