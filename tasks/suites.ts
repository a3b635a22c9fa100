// Named lists of tasks for `ernie-eval run --suite NAME`.
import type { SuiteSpec } from '../src/task/index.ts';

export const SUITES: Record<string, SuiteSpec> = {
  text: {
    description:
      'The text benchmarks built so far (issue 3 is under way): knowledge and Chinese (MMLU, CMMLU, C-Eval val), reasoning (ARC-Challenge, BBH), math (GSM8K, AIME 2024/2025), code run in a sandbox (HumanEval, MBPP), instruction following (IFEval). Not yet the full list of the ERNIE 4.5 comparisons.',
    tasks: ['mmlu', 'cmmlu', 'ceval', 'arc-challenge', 'bbh', 'gsm8k', 'aime', 'humaneval', 'mbpp', 'ifeval'],
  },
  smoke: {
    description: 'One log-likelihood and one generation task, a few samples each: checks the whole pipeline in seconds.',
    tasks: ['mmlu', 'gsm8k'],
    defaultLimit: 8,
  },
};
