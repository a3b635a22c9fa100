// Named lists of tasks for `ernie-eval run --suite NAME`.
import type { SuiteSpec } from '../src/task/index.ts';

export const SUITES: Record<string, SuiteSpec> = {
  smoke: {
    description: 'One log-likelihood and one generation task, a few samples each: checks the whole pipeline in seconds.',
    tasks: ['mmlu', 'gsm8k'],
    defaultLimit: 8,
  },
};
