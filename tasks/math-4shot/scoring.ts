// Scoring of the Minerva-style 4-shot MATH prompt. Two answer extractions, each compared with the
// gold (the last \boxed{} of the reference solution) under the MATH/PRM800K equivalence that
// `math` and `math500` use (src/scoring/math-equivalence.ts):
//   final-answer  lm-eval `get_unnormalized_answer`: "Final Answer: The final answer is X. I hope
//                 it is correct." (the format the exemplars teach), the primary metric;
//   boxed         the last \boxed{} of the generation (the exemplars box the answer as well).
// lm-eval then applies Minerva's normalize_final_answer and compares with sympy's parse_latex,
// marking unparseable answers (text, tuples) wrong even when identical; the shared equivalence
// accepts those and is otherwise at least as strict (see tasks/math-4shot/README.md).
import type { Completion, MetricSpec, Sample, Score } from '../../src/core/index.ts';
import { answerText, extractLastBoxed, mathAnswersEqual } from '../../src/scoring/index.ts';
import { UNTIL } from './prompt.ts';

export const FILTERS = ['final-answer', 'boxed'] as const;
export type FilterName = (typeof FILTERS)[number];
export const metricName = (filter: FilterName): string => `exact_match,${filter}`;

export const METRICS: MetricSpec[] = [
  { name: metricName('final-answer'), higherIsBetter: true, description: 'answer on the "Final Answer: The final answer is X. I hope it is correct." line equals the gold under MATH equivalence' },
  { name: metricName('boxed'), higherIsBetter: true, description: 'last \\boxed{} of the generation equals the gold under MATH equivalence' },
];

/** lm-eval's pattern, run on the text with the end sentence appended (so a cut-off line still ends). */
const FINAL_ANSWER = /Final Answer: The final answer is(.*?). I hope it is correct./;

export function extractFinalAnswer(text: string): string | null {
  const m = FINAL_ANSWER.exec(`${text}I hope it is correct.`);
  const answer = m?.[1]?.trim();
  return answer === undefined || answer === '' ? null : answer;
}

export function scoreMath4Shot(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    const values = Object.fromEntries(FILTERS.map((f) => [metricName(f), 0]));
    return { values, extracted: Object.fromEntries(FILTERS.map((f) => [f, null])), explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const text = answerText(completion.text, UNTIL);
  const extracted: Record<FilterName, string | null> = { 'final-answer': extractFinalAnswer(text), boxed: extractLastBoxed(text) };
  const values: Record<string, number> = {};
  for (const f of FILTERS) values[metricName(f)] = extracted[f] !== null && mathAnswersEqual(sample.target, extracted[f]) ? 1 : 0;
  return { values, extracted };
}
