// Zero-shot chat prompt, shared by `math` and `math500` (src/task boxed-cot-prompt.ts): the CoT
// instruction of Qwen2.5-Math's evaluation (prompt type "qwen25-math-cot", also the sentence
// DeepSeek-R1 and Qwen3 recommend for math, and the one tasks/aime uses) as the system message, the
// problem as the user message. Post-trained baselines on MATH-500 (DeepSeek-V3 chat table, Qwen3
// tables 11-20 in ../shared/baselines) are zero-shot chat settings; their exact prompts are not published.
import type { GenerationParams } from '../../src/core/index.ts';
import { boxedCotMessages, qwen3ThinkingParams } from '../../src/task/index.ts';

/** `protocol.source` of both tasks. */
export const PROTOCOL_SOURCE =
  'zero-shot chat CoT, system prompt of Qwen2.5-Math evaluation (qwen25-math-cot); sampling and 32,768-token cap of the Qwen3 report Sec. 4.6 (thinking mode); last \\boxed{} graded by PRM800K grader.py / MATH is_equiv equivalence';

/**
 * Qwen3's post-training setting (report Sec. 4.6): up to 32,768 output tokens, thinking-mode
 * sampling (temperature 0.6, top-p 0.95), one sample per problem. DeepSeek-V3 capped output at 8K
 * and averaged runs at several temperatures; a cap that high costs nothing when a model stops early.
 */
export const MAX_TOKENS = 32_768;

export const renderMessages = boxedCotMessages;

export function generationParams(): GenerationParams {
  return qwen3ThinkingParams(MAX_TOKENS);
}
