// Scoring of lm-eval's `gsm8k_cot`: two filters, each followed by exact_match.
//   strict-match      regex "The answer is (\-?[0-9\.\,]+)." then take_first
//   flexible-extract  regex "(-?[$0-9.,]{2,})|(-?[0-9]+)", group_select -1 (last number)
//   exact_match       ignore_case, regexes_to_ignore [",", "\$", "(?s).*#### ", "\.$"]
// The Python patterns are translated to JavaScript: "(?s)" becomes the `s` flag, and Python's
// "$" (end, or before a final newline) becomes "(?=\n?$)".
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, applyRegexFilter, exactMatch, type ExactMatchOptions, type RegexFilterSpec } from '../../src/scoring/index.ts';
import { UNTIL } from './prompt.ts';

export const FILTERS: Readonly<Record<'strict-match' | 'flexible-extract', RegexFilterSpec>> = {
  'strict-match': { pattern: /The answer is (\-?[0-9\.\,]+)./, groupSelect: 0 },
  'flexible-extract': { pattern: /(-?[$0-9.,]{2,})|(-?[0-9]+)/, groupSelect: -1 },
};

export const EXACT_MATCH: ExactMatchOptions = {
  ignoreCase: true,
  ignorePunctuation: false,
  regexesToIgnore: [/,/, /\$/, /.*#### /s, /\.(?=\n?$)/],
};

export type FilterName = keyof typeof FILTERS;
export const FILTER_NAMES = Object.keys(FILTERS) as FilterName[];
export const metricName = (filter: FilterName): string => `exact_match,${filter}`;


export function scoreGsm8k(sample: Sample, completion: Completion): Score {
  const values: Record<string, number> = {};
  const extracted: Record<string, string | null> = {};
  if (completion.kind !== 'generate') {
    for (const f of FILTER_NAMES) {
      values[metricName(f)] = 0;
      extracted[f] = null;
    }
    return { values, extracted, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  // Thinking removed and cut at the first stop sequence, as lm-eval post-processes generations.
  const text = answerText(completion.text, UNTIL);
  for (const f of FILTER_NAMES) {
    const answer = applyRegexFilter(text, FILTERS[f]);
    extracted[f] = answer;
    values[metricName(f)] = exactMatch(answer, sample.target, EXACT_MATCH);
  }
  return { values, extracted };
}
