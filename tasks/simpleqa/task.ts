// SimpleQA (Wei et al. 2024): 4,326 short fact-seeking questions, zero-shot chat. The official
// score needs an LLM grader; this task scores an APPROXIMATION by string match (approx-grade.ts).
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample } from '../../src/core/index.ts';
import { APPROX_METRICS, FILTER, METRICS, scoreApprox } from './approx-grade.ts';
import { loadSimpleQa } from './load.ts';

/** simple-evals' ChatCompletionSampler default budget. */
export const MAX_TOKENS = 1024;

export default defineTask({
  id: 'simpleqa',
  version: '1.0',
  title: 'SimpleQA (approximate grading)',
  description: 'SimpleQA: 4,326 short fact-seeking questions with one indisputable answer. Scored by string match, an approximation of the official LLM grader.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'openai/simple-evals simpleqa_eval.py (the problem as the only user message; DeepSeek-V3 chat table reports SimpleQA "Correct"); greedy here; grader LLM replaced by normalised string match (approximation)',
  },
  requires: ['generate', 'chat'],
  metrics: APPROX_METRICS,
  primaryMetric: METRICS.correct,
  primaryFilter: FILTER,
  data: {
    folder: 'simpleqa',
    download: 'openai simple-evals (MIT): https://openaipublic.blob.core.windows.net/simple-evals/simple_qa_test_set.csv to <data-dir>/simpleqa/simple_qa_test_set.csv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadSimpleQa,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: [{ role: 'user', content: sample.input }] }, params: { maxTokens: MAX_TOKENS, temperature: 0, until: [] } };
  },
  score: (sample: Sample, completion: Completion) => scoreApprox(sample.target, completion, 'en'),
});
