// Zero-shot chat prompt (src/task boxed-cot-prompt.ts). The instruction is the CoT system prompt of
// Qwen2.5-Math's evaluation (prompt type "qwen25-math-cot", the code base the qwen2.5-math/aime24
// file comes from); MathArena's config.yaml uses the same sentence plus "The answer is an integer
// between 0 and 999 inclusive.", and DeepSeek-R1/Qwen3 recommend the same sentence for math. No
// shots: every baseline in ../shared/baselines (DeepSeek-V3 chat table, Qwen3 tables 11-20) is a
// zero-shot chat setting.
import type { GenerationParams } from '../../src/core/index.ts';
import { boxedCotMessages, qwen3ThinkingParams } from '../../src/task/index.ts';

/**
 * Qwen3's AIME setting: 38,912 output tokens (its report, Sec. 4.6) and thinking-mode sampling
 * (temperature 0.6, top-p 0.95). Qwen3 averages 64 such samples per problem; one sample is an
 * unbiased but noisier estimate of that mean, which greedy decoding would not be.
 */
export const MAX_TOKENS = 38_912;

export const renderMessages = boxedCotMessages;

export function generationParams(): GenerationParams {
  return qwen3ThinkingParams(MAX_TOKENS);
}
