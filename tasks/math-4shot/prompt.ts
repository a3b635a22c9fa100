// The prompt of lm-evaluation-harness `minerva_math` (v3.0, lm_eval/tasks/minerva_math/*.yaml):
//   doc_to_text   "Problem:\n{problem}\n\nSolution:"
//   shots         the 4 Minerva exemplars (first_n), each doc_to_text + " " + solution, joined
//                 by "\n\n" (lm-eval's default target and few-shot delimiters)
//   generation    greedy, until "Problem:"
// A raw text prompt, the base-model setting of the 4-shot MATH numbers in the DeepSeek-V3 README
// and the Qwen3 report (tables 3-8).
import type { GenerationParams, Sample } from '../../src/core/index.ts';
import { MINERVA_EXEMPLARS } from './exemplars.ts';

export const UNTIL = ['Problem:'] as const;
/**
 * lm-eval sets no max_gen_toks for minerva_math, so its default of 256 applies, which cuts off
 * longer MATH solutions before their final line; 1,024 tokens lets them finish (our choice; the
 * baselines do not state theirs).
 */
export const MAX_TOKENS = 1024;

export const docToText = (problem: string): string => `Problem:\n${problem}\n\nSolution:`;

const SHOTS_TEXT = MINERVA_EXEMPLARS.map((e) => `${docToText(e.problem)} ${e.solution}\n\n`).join('');

export function renderPrompt(sample: Sample): string {
  return SHOTS_TEXT + docToText(sample.input);
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [...UNTIL] };
}
