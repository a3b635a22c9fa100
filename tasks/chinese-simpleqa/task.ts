// Chinese SimpleQA (He et al. 2024, arXiv:2411.07140): 3,000 short Chinese fact questions,
// zero-shot chat. The official score needs an LLM grader (gpt-4o); this task scores an
// APPROXIMATION by string match (../simpleqa/approx-grade.ts).
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample } from '../../src/core/index.ts';
import { APPROX_METRICS, FILTER, METRICS, scoreApprox } from '../simpleqa/approx-grade.ts';
import { MAX_TOKENS } from '../simpleqa/task.ts';
import { loadChineseSimpleQa } from './load.ts';

/** The system message of the official judge/chinese_simpleqa_easy.py when it queries the model. */
export const SYSTEM = '你是一个智能助手。';

export default defineTask({
  id: 'chinese-simpleqa',
  version: '1.0',
  title: 'Chinese SimpleQA (approximate grading)',
  description: 'Chinese SimpleQA: 3,000 short Chinese fact questions over 6 topics. Scored by string match, an approximation of the official LLM grader.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'OpenStellarTeam/ChineseSimpleQA judge/chinese_simpleqa_easy.py (system "你是一个智能助手。", the question as the user message; DeepSeek-V3 chat table reports C-SimpleQA "Correct"); greedy here; grader LLM replaced by normalised substring match (approximation)',
  },
  requires: ['generate', 'chat'],
  metrics: APPROX_METRICS,
  primaryMetric: METRICS.correct,
  primaryFilter: FILTER,
  data: {
    folder: 'chinese-simpleqa',
    download: 'github.com/OpenStellarTeam/ChineseSimpleQA (repository MIT per its README; the data also on Hugging Face OpenStellarTeam/Chinese-SimpleQA): data/chinese_simpleqa.jsonl to <data-dir>/chinese-simpleqa/chinese_simpleqa.jsonl',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadChineseSimpleQa,
  buildRequest(sample) {
    return {
      kind: 'generate',
      prompt: { kind: 'chat', messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: sample.input }] },
      params: { maxTokens: MAX_TOKENS, temperature: 0, until: [] },
    };
  },
  score: (sample: Sample, completion: Completion) => scoreApprox(sample.target, completion, 'zh'),
});
