// Multiple-choice scoring from log-likelihoods, as lm-eval's `multiple_choice` output type
// (lm_eval/api/task.py ConfigurableTask.process_results):
// - acc: the choice whose continuation has the highest summed log-probability;
// - acc_norm: the same after dividing each log-probability by the length, in characters, of
//   the choice text (doc_to_choice, i.e. *without* the leading target delimiter " ").
// Ties go to the lowest index, as numpy.argmax. Lengths count code points, as Python's len().

export interface MultipleChoiceResult {
  /** Index chosen by acc; -1 when the log-probabilities are unusable. */
  pred: number;
  /** Index chosen by acc_norm; -1 when unusable. */
  predNorm: number;
  acc: 0 | 1;
  accNorm: 0 | 1;
}

/** Index of the largest value, first on ties; -1 for an empty list or one holding NaN. */
export function argmax(values: readonly number[]): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) return -1;
    if (best === -1 || v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/** Character length as Python's len(): code points, not UTF-16 units. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Score one multiple-choice item. `choiceTexts` are the answer strings whose lengths normalise
 * acc_norm (lm-eval's doc_to_choice: "A".."D" for MMLU, so acc_norm = acc there). A mismatch
 * between the number of log-probabilities and choices is a wrong answer, not an exception:
 * scorers never throw on what a backend returned.
 */
export function scoreMultipleChoice(logprobs: readonly number[], choiceTexts: readonly string[], gold: number): MultipleChoiceResult {
  if (logprobs.length !== choiceTexts.length || logprobs.length === 0) {
    return { pred: -1, predNorm: -1, acc: 0, accNorm: 0 };
  }
  const pred = argmax(logprobs);
  // An empty choice text would divide by zero; lm-eval would produce ±inf/NaN there. Length 1 keeps
  // the raw log-probability instead, which is the only meaningful reading.
  const normalised = logprobs.map((lp, i) => lp / Math.max(1, charLength(choiceTexts[i] ?? '')));
  const predNorm = argmax(normalised);
  return { pred, predNorm, acc: pred === gold ? 1 : 0, accNorm: predNorm === gold ? 1 : 0 };
}
