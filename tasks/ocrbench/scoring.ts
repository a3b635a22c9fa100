// OCRBench's official rule (Yuliang-Liu/MultimodalOCR OCRBench/example.py and scripts/*.py; VLMEvalKit
// OCRBench.evaluate does the same): an item is right when any gold answer is a substring of the
// prediction. For HME100k (handwritten math) both sides are stripped, newlines turned to spaces and
// then every space removed, case kept; for every other source both sides are lower-cased, stripped
// and newlines turned to spaces. The official script keys the math case on dataset_name "HME100k"
// (VLMEvalKit on its category: the same 100 items).
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, goldAnswerList } from '../../src/scoring/index.ts';

export const METRIC = 'acc';
export const FILTER = 'answer';

const mathForm = (s: string): string => s.trim().replace(/\n/g, ' ').replace(/ /g, '');
const textForm = (s: string): string => s.toLowerCase().trim().replace(/\n/g, ' ');

/** Whether the prediction contains any gold answer under the official normalisation. */
export function ocrBenchMatch(prediction: string, answers: readonly string[], datasetName: string): boolean {
  const form = datasetName === 'HME100k' ? mathForm : textForm;
  const p = form(prediction);
  return answers.some((a) => p.includes(form(a)));
}

export function scoreOcrBench(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const prediction = answerText(completion.text, []);
  const datasetName = String(sample.metadata?.['datasetName'] ?? '');
  return {
    values: { [METRIC]: ocrBenchMatch(prediction, goldAnswerList(sample), datasetName) ? 1 : 0 },
    extracted: { [FILTER]: prediction.trim() === '' ? null : prediction.trim() },
  };
}
