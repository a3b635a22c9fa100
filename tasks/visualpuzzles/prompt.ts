// VisualPuzzles prompt, as VLMEvalKit's VisualPuzzles.build_prompt (vlmeval/dataset/image_mcq.py
// @e8e78f0): the question, the options as "(A) ..." lines (or, when the choices are in the image,
// "Options: Choose from (A) (B) (C) (D) in the image."), then the instruction below, verbatim
// (including its missing space after "format:"). Chain of thought is asked for, hence the budget.
import type { GenerationParams, Sample } from '../../src/core/index.ts';

export const INSTRUCTION =
  "\nSolve the multiple-choice question and then answer with the option letter from the given choices. " +
  "The last line of your response should be of the following format:'Answer: $LETTER' (without quotes) where LETTER is one of options. " +
  'Think step by step before answering.';

export const OPTIONS_IN_IMAGE = 'Options: Choose from (A) (B) (C) (D) in the image.';

export const GENERATION: GenerationParams = { maxTokens: 4096, temperature: 0, until: [] };

export function renderPrompt(sample: Sample): string {
  const choices = sample.choices ?? [];
  const options =
    choices.length === 0 ? OPTIONS_IN_IMAGE : `Options:\n${choices.map((c, i) => `(${String.fromCharCode(65 + i)}) ${c}`).join('\n')}`;
  return `${sample.input}\n${options}${INSTRUCTION}`;
}
