// lm-eval `triviaqa` (lm_eval/tasks/triviaqa/default.yaml, version 3.0): each shot
// "Question: {question}?\nAnswer: {aliases[0]}" followed by the default fewshot_delimiter "\n\n",
// then "Question: {question}?\nAnswer:". The "?" is appended even though most TriviaQA
// questions already end in one ("…??"): that is lm-eval's prompt, kept as it is. DeepSeek-V3's base table reports
// TriviaQA as EM, 5-shot (/work/shared/baselines/deepseek-v3-readme.json).
import type { Sample } from '../../src/core/index.ts';
import { shotsOf } from './open-qa.ts';

const docToText = (sample: Sample): string => `Question: ${sample.input}?\nAnswer:`;

export function renderPrompt(sample: Sample, train: readonly Sample[]): string {
  const shots = shotsOf(sample, train).map((shot) => `${docToText(shot)} ${shot.target}\n\n`);
  return `${shots.join('')}${docToText(sample)}`;
}
