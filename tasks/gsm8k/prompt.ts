// The prompt of lm-eval's `gsm8k_cot` task (lm_eval/tasks/gsm8k/gsm8k-cot.yaml, version 3.0):
//   doc_to_text  "Q: {question}\nA:"
//   shots        the 8 fixed exemplars as doc_to_text + target_delimiter " " + target,
//                joined by fewshot_delimiter "\n\n"; no description
//   generation   greedy, until ["Q:", "</s>", "<|im_end|>"], max_gen_toks unset so the model
//                default of 256 applies (lm_eval/models/huggingface.py max_gen_toks)
// A raw text prompt (base-model style), not a chat: that is how lm-eval runs it without
// --apply_chat_template, and how base-model numbers are reported.
import type { GenerationParams, Sample } from '../../src/core/index.ts';
import { COT_EXEMPLARS } from './cot-exemplars.ts';

export const TARGET_DELIMITER = ' ';
export const FEWSHOT_DELIMITER = '\n\n';
export const UNTIL = ['Q:', '</s>', '<|im_end|>'] as const;
export const MAX_TOKENS = 256;

export function docToText(question: string): string {
  return `Q: ${question}\nA:`;
}

const SHOTS_TEXT = COT_EXEMPLARS.map((e) => docToText(e.question) + TARGET_DELIMITER + e.target + FEWSHOT_DELIMITER).join('');

export function renderPrompt(sample: Sample): string {
  return SHOTS_TEXT + docToText(sample.input);
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [...UNTIL] };
}
