// lm-eval `nq_open` (lm_eval/tasks/nq_open/nq_open.yaml, version 4.0): description
// "Answer these questions:\n\n", each shot "Q: {question}?\nA: {answer[0]}" followed by the
// fewshot_delimiter "\n", the test item "Q: {question}?\nA:". DeepSeek-V3's base table reports
// NaturalQuestions as EM, 5-shot (/work/shared/baselines/deepseek-v3-readme.json).
import type { Sample } from '../../src/core/index.ts';
import { shotsOf } from '../triviaqa/open-qa.ts';

export const DESCRIPTION = 'Answer these questions:\n\n';

const docToText = (sample: Sample): string => `Q: ${sample.input}?\nA:`;

export function renderPrompt(sample: Sample, train: readonly Sample[]): string {
  const shots = shotsOf(sample, train).map((shot) => `${docToText(shot)} ${shot.target}\n`);
  return `${DESCRIPTION}${shots.join('')}${docToText(sample)}`;
}
