// Scoring of lm-eval's `gsm8k_cot`: two filters, each followed by exact_match.
//   strict-match      regex "The answer is (\-?[0-9\.\,]+)." then take_first
//   flexible-extract  regex "(-?[$0-9.,]{2,})|(-?[0-9]+)", group_select -1 (last number)
//   exact_match       ignore_case, regexes_to_ignore [",", "\$", "(?s).*#### ", "\.$"]
// The Python patterns are translated to JavaScript: "(?s)" becomes the `s` flag, and Python's
// "$" (end, or before a final newline) becomes "(?=\n?$)".
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { applyRegexFilter, exactMatch, stripThinking, type ExactMatchOptions, type RegexFilterSpec } from '../../src/scoring/index.ts';
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

/**
 * What the filters see: thinking removed, then the text cut at the first stop sequence. Backends
 * stop there already; cutting again keeps scores right for servers that ignore `stop` or return
 * it, exactly as lm-eval post-processes every generation (postprocess_generated_text).
 */
export function responseText(raw: string): string {
  let text = stripThinking(raw);
  for (const stop of UNTIL) {
    const at = text.indexOf(stop);
    if (at !== -1) text = text.slice(0, at);
  }
  return text;
}

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
  const text = responseText(completion.text);
  for (const f of FILTER_NAMES) {
    const answer = applyRegexFilter(text, FILTERS[f]);
    extracted[f] = answer;
    values[metricName(f)] = exactMatch(answer, sample.target, EXACT_MATCH);
  }
  return { values, extracted };
}
