// The zero-shot chat prompt of the boxed-answer math tasks (AIME, MATH, MATH-500) and Qwen3's
// thinking-mode sampling. The instruction is the CoT system prompt of Qwen2.5-Math's evaluation
// (prompt type "qwen25-math-cot"), the sentence DeepSeek-R1 and Qwen3 also recommend for math;
// the problem is the user message. Each task's README cites its own sources for these choices.
import type { GenerationParams, Message, Sample } from '../core/index.ts';

export const BOXED_COT_SYSTEM_PROMPT = 'Please reason step by step, and put your final answer within \\boxed{}.';

/** System message with the instruction, the problem as the user message. */
export function boxedCotMessages(sample: Sample): Message[] {
  return [
    { role: 'system', content: BOXED_COT_SYSTEM_PROMPT },
    { role: 'user', content: sample.input },
  ];
}

/** Qwen3's thinking-mode sampling (report Sec. 4.6): temperature 0.6, top-p 0.95. */
export const QWEN3_THINKING_SAMPLING = { temperature: 0.6, topP: 0.95 } as const;

/**
 * Qwen3's thinking-mode sampling with a task's output cap, one sample per problem. No stop strings:
 * the answer ends a long derivation that may contain any of them.
 */
export function qwen3ThinkingParams(maxTokens: number): GenerationParams {
  return { maxTokens, ...QWEN3_THINKING_SAMPLING, until: [] };
}
