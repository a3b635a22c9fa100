// HallusionBench scoring, rule-based. The official evaluation (evaluation.py + utils.py) asks GPT-4
// whether each prediction agrees with the reference answer: correct "1", incorrect "0", unclear "2".
// Without a judge model we read the prediction as VLMEvalKit does in its exact-matching mode
// (YOrN_Extraction, src/scoring/yes-no.ts): Yes / No / Unknown, mapped to "1" when it equals the
// gold answer, "0" when it is the other answer, "2" when Unknown. Then the official
// `assign_correctness`: a VS question asked without its figure (figure_id "0") is also correct when
// unclear (not knowing is right without the figure); every other question only when "1".
// Aggregates (task.ts, MetricSpec.aggregate), as utils.py:
//   aAcc  per question (get_eval_all)
//   fAcc  per figure: all questions of (category, subcategory, set_id, figure_id) right, VS figure 0
//         (no figure) left out (get_eval_fig)
//   qAcc  per question pair: all figures of (category, subcategory, set_id, question_id) right
//         (get_eval_pair_all)
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, extractYesNo } from '../../src/scoring/index.ts';

export const METRIC = 'aAcc';
export const FILTER = 'yes_no';

/** The official correctness code of a yes/no reading: "1" agrees, "0" conflicts, "2" unclear. */
export function correctnessCode(extracted: 'yes' | 'no' | 'unknown', gold: string): '0' | '1' | '2' {
  if (extracted === 'unknown') return '2';
  return extracted === gold ? '1' : '0';
}

/** utils.py `assign_correctness`. */
export function isCorrect(code: '0' | '1' | '2', category: string, figureId: string): boolean {
  if (category === 'VS' && figureId === '0') return code === '1' || code === '2';
  return code === '1';
}

const parts = (sampleId: string): string[] => sampleId.split('/');

/** Figure group of utils.py `get_eval_fig`; null for VS questions without a figure. */
export function figureGroup(sampleId: string): string | null {
  const [category, subcategory, setId, figureId] = parts(sampleId);
  if (category === 'VS' && figureId === '0') return null;
  return [category, subcategory, setId, figureId].join('_');
}

/** Question-pair group of utils.py `get_eval_pair_all`. */
export function questionGroup(sampleId: string): string {
  const [category, subcategory, setId, , questionId] = parts(sampleId);
  return [category, subcategory, setId, questionId].join('_');
}

export function scoreHallusionBench(sample: Sample, completion: Completion): Score {
  const [category = '', , , figureId = ''] = parts(sample.id);
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const extracted = extractYesNo(answerText(completion.text, []));
  const code = correctnessCode(extracted, sample.target);
  return {
    values: { [METRIC]: isCorrect(code, category, figureId) ? 1 : 0 },
    // Unknown counts as not extracted in coverage (the official judge would have been asked).
    extracted: { [FILTER]: extracted === 'unknown' ? null : extracted },
  };
}
