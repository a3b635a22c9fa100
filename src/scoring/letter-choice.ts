// Multiple choice scored by the log-likelihood of answer letters (" A".." D"), as
// lm-evaluation-harness's MMLU / CMMLU / C-Eval configs do: one scorer and one metric
// declaration for every letter-choice task.
import type { Completion, MetricSpec, Score } from '../core/index.ts';
import { scoreLoglikelihoodChoice } from './choice-loglikelihood.ts';

export const LETTER_CHOICE_METRICS: MetricSpec[] = [
  { name: 'acc', higherIsBetter: true, description: 'answer letter with the highest log-likelihood is the gold one' },
  { name: 'acc_norm', higherIsBetter: true, description: 'as acc after dividing by the choice length in characters (equals acc for single letters)' },
];

export function scoreLetterChoice(completion: Completion, letters: readonly string[], targetIndex: number): Score {
  // lm-eval normalises acc_norm by the length of doc_to_choice ("A".."D"), not of " A".." D".
  return scoreLoglikelihoodChoice(completion, letters, targetIndex, (i) => letters[i] ?? null);
}
