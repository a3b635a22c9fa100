// Scoring of lm-eval's mgsm_native_cot: two filters, each followed by exact_match with
// ignore_case and ignore_punctuation (ASCII punctuation removed from both sides, so "5,600." and
// "5600" are equal — and so are "1.5" and "15", as in lm-eval):
//   strict-match      the language's pattern (languages.ts), first match
//   flexible-extract  (-?[$0-9.,]{2,})|(-?[0-9]+), last match
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, applyRegexFilter, exactMatch, type ExactMatchOptions, type RegexFilterSpec } from '../../src/scoring/index.ts';
import { LANGUAGES } from './languages.ts';
import { generationParams } from './prompt.ts';

export const FILTERS = ['strict-match', 'flexible-extract'] as const;
export const metricName = (filter: (typeof FILTERS)[number]): string => `exact_match,${filter}`;
const FLEXIBLE: RegexFilterSpec = { pattern: /(-?[$0-9.,]{2,})|(-?[0-9]+)/, groupSelect: -1 };
const EXACT: ExactMatchOptions = { ignoreCase: true, ignorePunctuation: true, regexesToIgnore: [] };

export function scoreMgsm(sample: Sample, completion: Completion): Score {
  const values: Record<string, number> = {};
  const extracted: Record<string, string | null> = {};
  if (completion.kind !== 'generate') {
    for (const f of FILTERS) {
      values[metricName(f)] = 0;
      extracted[f] = null;
    }
    return { values, extracted, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const text = answerText(completion.text, generationParams(sample).until);
  const strict = LANGUAGES[sample.subset ?? '']?.strict;
  const answers = {
    'strict-match': strict === undefined ? null : applyRegexFilter(text, { pattern: strict, groupSelect: 0 }),
    'flexible-extract': applyRegexFilter(text, FLEXIBLE),
  };
  for (const f of FILTERS) {
    extracted[f] = answers[f];
    values[metricName(f)] = exactMatch(answers[f], sample.target, EXACT);
  }
  return { values, extracted };
}
