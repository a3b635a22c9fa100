// simple-evals' GPQA scoring (gpqa_eval.py): the first match of ANSWER_PATTERN_MULTICHOICE
// `(?i)Answer[ \t]*:[ \t]*\$?([A-D])\$?` in the response, compared with the gold letter as is
// (a lower-case "answer: b" extracts "b" and scores 0, as in the reference). Thinking is removed
// first; simple-evals receives the answer without the reasoning from its API samplers.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerColonLetterFilter, answerText, applyRegexFilter } from '../../src/scoring/index.ts';
import { LETTERS } from './load.ts';

export const FILTER = 'answer-letter';
export const METRIC = 'acc';
const ANSWER = answerColonLetterFilter(LETTERS);

export function scoreGpqa(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const answer = applyRegexFilter(answerText(completion.text, []), ANSWER);
  return { values: { [METRIC]: answer === sample.target ? 1 : 0 }, extracted: { [FILTER]: answer } };
}
