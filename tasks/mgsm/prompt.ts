// The prompt of lm-eval's mgsm_native_cot_<lang> (version 4.0) run with 8 shots, with the
// exemplars in their published order:
//   shot      exemplar q (it carries its own question label) + "\n" + ANSWER + " " + worked answer
//             (the exemplar's own answer label removed) + "\n\n"
//   question  QUESTION + " " + question + "\n" + ANSWER
//   stop      [QUESTION, "</s>", "<|im_end|>"], greedy, lm-eval's default 256 new tokens
// Two departures from lm-eval, both where its code damages the exemplar text: lm-eval cuts the
// exemplar's label by the length of its own label + 1 (`answer[N:]`), which drops the first
// character of every zh and ja worked answer (their labels end in a full-width colon without a
// space) and leaves a double space in ru (its label "Пошаговоерешение:" lost a space); we remove
// the exemplar's label up to its colon and the spaces after it. And lm-eval draws the 8 shots in
// a random order per question (its default sampler over the 8-item train split); we keep the
// published order 1-8, as the MGSM paper's prompts.
import type { GenerationParams, Sample } from '../../src/core/index.ts';
import { LANGUAGES } from './languages.ts';

export const MAX_TOKENS = 256;

/** The worked answer without its label ("Step-by-Step Answer: ", "逐步解答："). */
export function workedAnswer(exemplarAnswer: string): string {
  const m = /^[^:：\n]*[:：]\s*/.exec(exemplarAnswer);
  return m === null ? exemplarAnswer : exemplarAnswer.slice(m[0].length);
}

export function renderPrompt(sample: Sample, fewshot: readonly Sample[]): string {
  const lang = LANGUAGES[sample.subset ?? ''];
  if (lang === undefined) return sample.input;
  const shots = fewshot.filter((s) => s.subset === sample.subset).map((s) => `${s.input}\n${lang.answer} ${workedAnswer(s.target)}\n\n`);
  return `${shots.join('')}${lang.question} ${sample.input}\n${lang.answer}`;
}

export function generationParams(sample: Sample): GenerationParams {
  const question = LANGUAGES[sample.subset ?? '']?.question ?? 'Question:';
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [question, '</s>', '<|im_end|>'] };
}
