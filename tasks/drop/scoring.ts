// DROP scoring: the answer is the generated line (thinking removed, cut at the newline, trimmed),
// taken as ONE span, as lm-evaluation-harness (process_results: the generation is the prediction)
// and simple-evals (drop_metric(extracted_answer, ...)) do; its EM and F1 against every gold
// answer (multi-span golds align bag by bag), best of them. Values are on DROP's 0-1 scale.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText } from '../../src/scoring/index.ts';
import { dropScore } from './drop-metric.ts';
import { goldsOf } from './load.ts';
import { UNTIL } from './prompt.ts';

export const METRICS = { em: 'em', f1: 'f1' } as const;
export const FILTER = 'answer';

export function extractAnswer(text: string): string {
  return answerText(text, UNTIL).trim();
}

export function scoreDrop(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRICS.em]: 0, [METRICS.f1]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const answer = extractAnswer(completion.text);
  const { em, f1 } = dropScore([answer], goldsOf(sample));
  return { values: { [METRICS.em]: em, [METRICS.f1]: f1 }, extracted: { [FILTER]: answer === '' ? null : answer } };
}
