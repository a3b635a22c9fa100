// MBPP (Austin et al. 2021): 500 test problems (task_ids 11-510) of entry-level Python, 3-shot,
// scored by running the generated code against the problem's asserts in the sandbox.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { passAtKMetric } from '../../src/scoring/index.ts';
import { scoreSyncUnsupported } from '../humaneval/scoring.ts';
import { loadMbpp } from './load.ts';
import { generationParams, renderPrompt } from './prompt.ts';
import { FILTER, METRIC, scoreMbpp } from './scoring.ts';

export default defineTask({
  id: 'mbpp',
  version: '1.0',
  title: 'MBPP',
  description: 'MBPP (full): 500 test problems, task_ids 11-510; the generated function passes when its three asserts hold in the sandbox.',
  protocol: {
    shots: 3,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'DeepSeek-V3 README base-model table (MBPP Pass@1, 3-shot); prompt template, shots (task_ids 2-4) and [DONE] stop of the MBPP paper and lm-evaluation-harness tasks/mbpp; one greedy sample per problem',
  },
  requires: ['generate'],
  metrics: [
    { name: METRIC, higherIsBetter: true, description: 'the completion passes all test_list asserts in the sandbox; per problem the share of its answers that pass (one greedy answer, or --repeats n: unbiased pass@1), mean over problems' },
    passAtKMetric('pass@10', METRIC, 10),
  ],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'mbpp',
    download: 'google-research/google-research mbpp/mbpp.jsonl (the full version; Apache-2.0 repo, data CC-BY-4.0): copy it to <data-dir>/mbpp/mbpp.jsonl',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMbpp,
  buildRequest(sample, data) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample, data.fewshot) }, params: generationParams() };
  },
  score: scoreSyncUnsupported('mbpp'),
  scoreAsync: scoreMbpp,
});
