// The zero-shot chain-of-thought prompt of MATH-V's own inference script for Qwen-VL
// (mathllm/MATH-V models/Qwen-VL.py geninput, @ a1f5cc3):
//   'Please solve the problem step by step and put your answer in one "\boxed{}". If it is a
//    multiple choice question, only one letter is allowed in the "\boxed{}".\n' + question + "\n" + options
// where options is "(A) ...\n(B) ...\n(C) ...\n(D) ...\n(E) ...\n", left out when the five options
// are just the letters A-E (the choices are drawn in the figure). The image comes first, as that
// script sends it (images, then text). The question's `<image1>` placeholder marks where the
// figure was in the source; the figure is sent as an image part, so the placeholder is removed.
// Generation: greedy with up to 4,096 new tokens (the max_tokens of MATH-V's GPT-4V and Gemini
// scripts); thinking mode is left to the run.
import type { GenerationParams, Message, Sample } from '../../src/core/index.ts';
import { visionMessages } from '../../src/task/index.ts';

export const INSTRUCTION =
  'Please solve the problem step by step and put your answer in one "\\boxed{}". If it is a multiple choice question, only one letter is allowed in the "\\boxed{}".\n';
export const MAX_TOKENS = 4096;

const LETTERS = ['A', 'B', 'C', 'D', 'E'];

export function renderPrompt(sample: Sample): string {
  const question = sample.input.replace(/\s*<image\d+>\s*/g, (m) => (m.includes('\n') ? '\n' : ' ')).trim();
  const choices = sample.choices ?? [];
  const options =
    choices.length > 0 && choices.join('') !== LETTERS.join('') ? choices.map((c, i) => `(${LETTERS[i]}) ${c}\n`).join('') : '';
  return `${INSTRUCTION}${question}\n${options}`;
}

export function renderMessages(sample: Sample): Message[] {
  return visionMessages(sample, renderPrompt(sample));
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [] };
}
