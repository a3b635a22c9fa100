// Scoring of lm-eval's bbh_cot_fewshot (lm_eval/tasks/bbh/cot_fewshot/_cot_fewshot_template_yaml,
// v4.0): filter "get-answer" = regex "(?<=the answer is )(.*)(?=.)" + take_first, then
// exact_match with no options (case- and punctuation-sensitive). The pattern means the same in
// JavaScript. Its "(?=.)" drops the last character of the line, meant for the final "." of
// "So the answer is X."; an answer written without that period loses its last character (a
// reproduced quirk: 3 official dyck_languages outputs, see README.md).
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, applyRegexFilter, exactMatch, type ExactMatchOptions, type RegexFilterSpec } from '../../src/scoring/index.ts';
import { UNTIL } from './prompt.ts';

export const FILTER = 'get-answer';
export const METRIC = `exact_match,${FILTER}`;
export const GET_ANSWER: RegexFilterSpec = { pattern: /(?<=the answer is )(.*)(?=.)/, groupSelect: 0 };
const EXACT: ExactMatchOptions = { ignoreCase: false, ignorePunctuation: false, regexesToIgnore: [] };


export function scoreBbh(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const answer = applyRegexFilter(answerText(completion.text, UNTIL), GET_ANSWER);
  return { values: { [METRIC]: exactMatch(answer, sample.target, EXACT) }, extracted: { [FILTER]: answer } };
}
