// POPE's official answer rule and metrics (RUCAIBox/POPE evaluate.py): keep the text before the
// first ".", delete commas, split on single spaces; the answer is "no" when the words include "No",
// "not" or "no", otherwise "yes" (an empty or evasive answer counts as yes). Positive class = yes.
// Accuracy is a mean; precision, recall and F1 are corpus-level ratios of the confusion counts,
// which this scorer emits per sample (tp, pred_yes, gold_yes and F1's 2·TP over pred_yes + gold_yes,
// the same number as the script's 2PR/(P+R)) for MetricSpec.aggregate to sum.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText } from '../../src/scoring/index.ts';

export const FILTER = 'yes_no';

/** evaluate.py's rule: "yes" or "no" for any text. */
export function popeAnswer(text: string): 'yes' | 'no' {
  const dot = text.indexOf('.');
  const firstSentence = dot === -1 ? text : text.slice(0, dot);
  const words = firstSentence.replace(/,/g, '').split(' ');
  return words.includes('No') || words.includes('not') || words.includes('no') ? 'no' : 'yes';
}

/** Per-sample values whose sums give the official metrics. */
export function confusionValues(predictedYes: boolean, goldYes: boolean): Record<string, number> {
  const tp = predictedYes && goldYes ? 1 : 0;
  const predYes = predictedYes ? 1 : 0;
  const gold = goldYes ? 1 : 0;
  return { acc: predictedYes === goldYes ? 1 : 0, yes_ratio: predYes, tp, pred_yes: predYes, gold_yes: gold, f1_num: 2 * tp, f1_den: predYes + gold };
}

export function scorePope(sample: Sample, completion: Completion): Score {
  const goldYes = sample.target === 'yes';
  if (completion.kind !== 'generate') {
    // No answer to parse: wrong, and not a "yes" (the script would never see such an item).
    return { values: confusionValues(!goldYes, goldYes), extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const answer = popeAnswer(answerText(completion.text, []));
  return { values: confusionValues(answer === 'yes', goldYes), extracted: { [FILTER]: answer } };
}
