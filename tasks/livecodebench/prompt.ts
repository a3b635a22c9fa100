// LiveCodeBench's chat prompt for instruction models (lcb_runner/prompts/code_generation.py,
// LMStyle.OpenAIChat): the generic system message, then "### Question", the format instruction
// (with the starter code for LeetCode problems, "# YOUR CODE HERE" and stdin/stdout for the
// others) and "### Answer". The DeepSeek-V3 chat table reports LiveCodeBench Pass@1 (and
// Pass@1-COT); Qwen3 reports "LiveCodeBench v5 (2024.10-2025.02)".
import type { GenerationParams, Message, Sample } from '../../src/core/index.ts';

export const SYSTEM_MESSAGE = 'You are an expert Python programmer. You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests.';
const WITH_STARTER = 'You will use the following starter code to write the solution to the problem and enclose your code within delimiters.';
const WITHOUT_STARTER =
  'Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows. Ensure that when the python program runs, it reads the inputs, runs the algorithm and writes output to STDOUT.';
/** DeepSeek-V3's evaluation limit ("output length limited to 8K"). */
export const MAX_TOKENS = 8192;

export function userPrompt(sample: Sample): string {
  const starter = String(sample.metadata?.['starterCode'] ?? '');
  let prompt = `### Question:\n${sample.input}\n\n`;
  prompt += starter !== '' ? `### Format: ${WITH_STARTER}\n\`\`\`python\n${starter}\n\`\`\`\n\n` : `### Format: ${WITHOUT_STARTER}\n\`\`\`python\n# YOUR CODE HERE\n\`\`\`\n\n`;
  return `${prompt}### Answer: (use the provided format with backticks)\n\n`;
}

export function messages(sample: Sample): Message[] {
  return [
    { role: 'system', content: SYSTEM_MESSAGE },
    { role: 'user', content: userPrompt(sample) },
  ];
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [] };
}
