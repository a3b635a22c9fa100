// Multiple choice scored by the log-likelihood of answer letters (" A".." D"), as
// lm-evaluation-harness's MMLU / CMMLU / C-Eval configs do: one scorer and one metric
// declaration for every letter-choice task.
import type { Completion, MetricSpec, Score } from '../core/index.ts';
import { scoreMultipleChoice } from './multiple-choice.ts';

export const LETTER_CHOICE_METRICS: MetricSpec[] = [
  { name: 'acc', higherIsBetter: true, description: 'answer letter with the highest log-likelihood is the gold one' },
  { name: 'acc_norm', higherIsBetter: true, description: 'as acc after dividing by the choice length in characters (equals acc for single letters)' },
];

export function scoreLetterChoice(completion: Completion, letters: readonly string[], targetIndex: number): Score {
  if (completion.kind !== 'loglikelihood') {
    return { values: { acc: 0, acc_norm: 0 }, explanation: `expected log-likelihoods, got a ${completion.kind} completion` };
  }
  // lm-eval normalises acc_norm by the length of doc_to_choice ("A".."D"), not of " A".." D".
  const r = scoreMultipleChoice(completion.logprobs, [...letters], targetIndex);
  const letter = (i: number): string | null => letters[i] ?? null;
  return {
    values: { acc: r.acc, acc_norm: r.accNorm },
    extracted: { acc: letter(r.pred), acc_norm: letter(r.predNorm) },
    ...(r.pred === -1 ? { explanation: `unusable log-probabilities: ${JSON.stringify(completion.logprobs)}` } : {}),
  };
}
