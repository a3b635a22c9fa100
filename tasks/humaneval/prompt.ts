// HumanEval's protocol (Chen et al. 2021; lm-evaluation-harness tasks/humaneval/humaneval.yaml):
// zero-shot completion of the raw prompt (signature + docstring), decoding stopped where the
// function ends. DeepSeek-V3's base-model table reports HumanEval "Pass@1, 0-shot"; one greedy
// sample per problem is the usual estimate of that pass@1.
import type { GenerationParams, Sample } from '../../src/core/index.ts';

/** Codex paper §2.3 / lm-eval: a new top-level statement means the function body is over. */
export const STOP_SEQUENCES = ['\nclass', '\ndef', '\n#', '\nif', '\nprint'];
/** lm-eval's default generation budget for generate_until tasks (its max_gen_toks). */
export const MAX_TOKENS = 1024;

export function renderPrompt(sample: Sample): string {
  return sample.input;
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: STOP_SEQUENCES };
}
