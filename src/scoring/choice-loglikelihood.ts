// A multiple-choice item scored by the log-likelihood of each choice's continuation (lm-eval's
// `multiple_choice` output type, multiple-choice.ts): the Score of HellaSwag, PIQA and the
// letter-choice tasks, with the chosen index (or its label) as what was extracted.
import type { Completion, Score } from '../core/index.ts';
import { scoreMultipleChoice } from './multiple-choice.ts';

/**
 * acc / acc_norm of one item. `choiceTexts` normalise acc_norm (doc_to_choice, without the leading
 * " "); `labelOf` names a chosen index in `extracted` (its decimal text by default).
 */
export function scoreLoglikelihoodChoice(
  completion: Completion,
  choiceTexts: readonly string[],
  targetIndex: number,
  labelOf: (index: number) => string | null = String,
): Score {
  if (completion.kind !== 'loglikelihood') {
    return { values: { acc: 0, acc_norm: 0 }, explanation: `expected log-likelihoods, got a ${completion.kind} completion` };
  }
  const r = scoreMultipleChoice(completion.logprobs, choiceTexts, targetIndex);
  const label = (i: number): string | null => (i < 0 ? null : labelOf(i));
  return {
    values: { acc: r.acc, acc_norm: r.accNorm },
    extracted: { acc: label(r.pred), acc_norm: label(r.predNorm) },
    ...(r.pred === -1 ? { explanation: `unusable log-probabilities: ${JSON.stringify(completion.logprobs)}` } : {}),
  };
}
