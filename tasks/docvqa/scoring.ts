// DocVQA's official metric: ANLS with τ = 0.5 against every gold answer of the question (Mathew et
// al., WACV 2021, §4; RRC evaluation script; src/scoring/anls.ts). The prediction is the whole
// answer (the prompt asks for a single word or phrase), thinking removed.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { anls, answerText, goldAnswerList } from '../../src/scoring/index.ts';

export const METRIC = 'anls';
export const FILTER = 'answer';

export function scoreDocVqa(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const prediction = answerText(completion.text, []).trim();
  return { values: { [METRIC]: anls(prediction, goldAnswerList(sample)) }, extracted: { [FILTER]: prediction === '' ? null : prediction } };
}
