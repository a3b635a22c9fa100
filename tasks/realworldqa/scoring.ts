// RealWorldQA scoring. Multiple choice: VLMEvalKit's can_infer (src/scoring/choice-inference.ts).
// Short answers: the rule of lmms-eval's realworldqa task (lmms_eval/tasks/realworldqa/utils.py,
// NumberWordsToDigitsFilter and realworldqa_process_results): the answer lower-cased, stripped,
// trailing periods removed, a number word zero..ten turned into its digits, then compared exactly
// with the lower-cased gold answer.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, CHOICE_FILTER, pyRstrip, pyStrip, scoreInferredChoice } from '../../src/scoring/index.ts';
import { mcqOptions } from '../../src/task/index.ts';
import { SUBSET_SHORT } from './load.ts';

const NUMBER_WORDS: Record<string, string> = { zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10' };

/** The short answer as compared: lower-cased, stripped, no trailing periods, number words as digits. */
export function normalizeShortAnswer(text: string): string {
  const s = pyRstrip(pyStrip(text.toLowerCase()), '.');
  return NUMBER_WORDS[s] ?? s;
}

export function scoreRealWorldQa(sample: Sample, completion: Completion): Score {
  if (sample.subset !== SUBSET_SHORT) return scoreInferredChoice(completion, mcqOptions(sample), sample.target);
  if (completion.kind !== 'generate') {
    return { values: { acc: 0 }, extracted: { [CHOICE_FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const answer = normalizeShortAnswer(answerText(completion.text, []));
  return { values: { acc: answer === pyStrip(sample.target.toLowerCase()) ? 1 : 0 }, extracted: { [CHOICE_FILTER]: answer === '' ? null : answer } };
}
